import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.js';
import { parseContext } from '../../src/engine/parse-rule.js';
import { ruleDir } from '../support/rules.js';

// A demand the rules miss and the shipped model flags alone (its ranking-pressure output is about 0.93).
const DEMAND = '各位会员每天晒咕咚运动记录，周五统计';
const modelFlags = (findings: { rule: string }[]) => findings.filter((f) => f.rule.startsWith('model/')).map((f) => f.rule);

describe('contexts that silence the learned stage (`silences_model`)', () => {
  it('keep the model from flagging alone a message in which they occur, the same text and model otherwise', () => {
    const hearsay = ruleDir({ 'contexts/zh-hearsay.yaml': "description: hearsay\nsilences_model: true\npatterns: ['^传闻:']\n" });
    const text = `传闻：${DEMAND}`;
    expect(modelFlags(createEngine().classify(text).findings)).toEqual(['model/ranking-pressure']);
    expect(createEngine([hearsay]).classify(text).findings).toEqual([]);
    // Only where they occur: the demand said outright is flagged as before.
    expect(modelFlags(createEngine([hearsay]).classify(DEMAND).findings)).toEqual(['model/ranking-pressure']);
  });

  it('leave rules alone: a context silences rules only where a pack or rule lists it under none', () => {
    const anywhere = ruleDir({ 'contexts/zh-any.yaml': "description: everything\nsilences_model: true\npatterns: ['大家']\n" });
    const text = '请大家今晚十点前把防诈骗答题截图发到群里';
    const rules = createEngine([anywhere])
      .classify(text)
      .findings.map((f) => f.rule);
    expect(rules).toContain('proof-demand/zh-photo-proof');
  });

  it('are what the built-in packs use for a demand told of with its source, in Chinese and English', () => {
    const engine = createEngine();
    expect(modelFlags(engine.classify(DEMAND).findings)).toEqual(['model/ranking-pressure']);
    for (const told of [`她还记得，${DEMAND}`, `“${DEMAND}”，一位会员告诉记者。`, `有的单位要求${DEMAND}`]) expect(engine.classify(told).findings).toEqual([]);
    const en = 'Everyone in the team posts their step count every evening, the lead ranks us on Fridays';
    expect(modelFlags(engine.classify(en).findings)).toEqual(['model/ranking-pressure']);
    expect(engine.classify('Our lead once asked everyone to post their step count every evening and ranked us on Fridays').findings).toEqual([]);
  });

  it('are read only as true or false, and refused where a pattern could backtrack on a whole message', () => {
    expect(parseContext({ description: 'd', patterns: ['x'] }, 'c', 'c.yaml').context!.silencesModel).toBe(false);
    expect(parseContext({ description: 'd', patterns: ['x'], silences_model: 'yes' }, 'c', 'c.yaml').errors).toEqual([
      'silences_model: expected true or false',
    ]);
    const slow = ruleDir({ 'contexts/zh-slow.yaml': "description: slow\nsilences_model: true\npatterns: ['a.*b.*c']\n" });
    expect(() => createEngine([slow])).toThrow(/zh-slow\.yaml: silences_model\[0\] \(context zh-slow\): pattern \/a\.\*b\.\*c\/ has .*make it linear/);
  });
});
