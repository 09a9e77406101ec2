import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.js';
import { parseContext } from '../../src/engine/parse-rule.js';
import { ruleDir, ruleYaml } from '../support/rules.js';

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
    // Read anywhere by its nature: no window can confine it, so the advice is only to make it linear.
    expect(() => createEngine([slow])).toThrow(
      /zh-slow\.yaml: patterns\[0\] \(read anywhere, as silences_model\): pattern \/a\.\*b\.\*c\/ has [^;]*; make it linear$/,
    );
  });
});

describe('a context cancelled by another (`unless`)', () => {
  it('counts as absent where the other occurs anywhere in the message: a retold demand beside a call on the group is a demand', () => {
    const engine = createEngine();
    const relayed = '据街道办主任介绍，本周内每户都要下载国家反诈APP并截图发群里，请各位居民抓紧完成。';
    expect(engine.classify(relayed).categories).toEqual(['app-install', 'proof-demand']);
    expect(engine.classify('据街道办主任介绍，本周内每户都要下载国家反诈APP并截图发群里。').categories).toEqual([]);
    const en = 'Everyone, the principal, she said, wants all parents to post a photo of the signed form in this group by tonight.';
    expect(engine.classify(en).categories).toEqual(['proof-demand']);
  });

  it('is not cancelled by words that only look like a call on the group: 申请各类, an opening 所有…，, the adverb "kindly"', () => {
    const engine = createEngine();
    const retold = [
      '有的单位要求医务人员将学习平台积分截图每日发群，未按时发送的在群内点名，年底不能申请各类评优。',
      '所有受访家长，都向记者提到，学校要求每天在群里晒孩子的阅读打卡截图。',
      "Agents say they must share the company's posts three times a week, one agent, who kindly spoke to us, explained.",
    ];
    for (const text of retold) expect(engine.classify(text).categories).toEqual([]);
    // "Kindly" opening a sentence is a call still.
    expect(engine.classify('Kindly post a screenshot of your completed module here, the memo says all staff must.').categories).toContain('proof-demand');
  });

  it('works for a custom folder: the rule is left alone by its none context unless the cancelling one occurs', () => {
    const dir = ruleDir({
      'contexts/zh-hearsay.yaml': "description: hearsay\nunless: [zh-call-here]\npatterns: ['^传闻:']\n",
      'contexts/zh-call-here.yaml': "description: a call\npatterns: ['请大家']\n",
      'check-in/clock.yaml': ruleYaml('  any: [打卡]\n  none: [zh-hearsay]'),
    });
    const engine = createEngine([dir], { model: null });
    expect(engine.classify('传闻：明早八点前打卡').findings.map((f) => f.rule)).not.toContain('check-in/clock');
    expect(engine.classify('传闻：明早八点前打卡，请大家准时').findings.map((f) => f.rule)).toContain('check-in/clock');
  });

  it('is refused, naming the file, when it names no context or one with an unless of its own', () => {
    const unknown = ruleDir({ 'contexts/zh-a.yaml': "description: a\nunless: [zh-nowhere]\npatterns: ['x']\n" });
    expect(() => createEngine([unknown])).toThrow(/zh-a\.yaml: unless\[0\]: unknown context "zh-nowhere"/);
    const nested = ruleDir({
      'contexts/zh-a.yaml': "description: a\nunless: [zh-b]\npatterns: ['x']\n",
      'contexts/zh-b.yaml': "description: b\nunless: [zh-c]\npatterns: ['y']\n",
      'contexts/zh-c.yaml': "description: c\npatterns: ['z']\n",
    });
    expect(() => createEngine([nested])).toThrow(/zh-a\.yaml: unless\[0\]: context "zh-b" has an unless of its own; one level only/);
  });
});
