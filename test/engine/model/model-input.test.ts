import { describe, expect, it } from 'vitest';
import { extractFeatures, newFeatureBuffer, signalFeature } from '../../../src/engine/model/features.js';
import { createEngine } from '../../../src/engine/index.js';
import { normalizeInto } from '../../../src/engine/normalize.js';
import { ruleDir, ruleYaml } from '../../support/rules.js';

const rules = createEngine([], { model: null });

/** The model's input for `text`: feature ids, each with the normalised words it was read from. */
function input(text: string): Map<number, string> {
  const buf = newFeatureBuffer();
  const { lang } = rules.modelInput(text, buf);
  expect(lang).toBe(/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en');
  const nz = normalizeInto(text);
  const norm = String.fromCharCode(...nz.units.subarray(0, nz.length));
  return new Map(Array.from({ length: buf.count }, (_, i) => [buf.ids[i], norm.slice(buf.from[i], buf.to[i])]));
}

function ngrams(text: string): number[] {
  const buf = newFeatureBuffer();
  extractFeatures(normalizeInto(text), buf);
  return [...buf.ids.subarray(0, buf.count)];
}

describe("the learned stage's input", () => {
  it('adds, beside the n-grams, a feature for each named word list of the rules that occurs, read where it occurs', () => {
    const f = input('请大家今天下班前完成打卡');
    expect([...f.keys()]).toEqual(expect.arrayContaining(ngrams('请大家今天下班前完成打卡')));
    // 大家 is in the context that says whom a Chinese demand addresses; 打卡 triggers check-in rules.
    expect(f.get(signalFeature('context:zh-audience'))).toBe('大家');
    expect(f.get(signalFeature('trigger:check-in/zh-deadline-clock-in'))).toBe('打卡');
    expect(f.size).toBeGreaterThan(ngrams('请大家今天下班前完成打卡').length);
  });

  it('is the n-grams alone when no word of the rules occurs', () => {
    const text = 'Lovely weather for a walk by the river';
    expect([...input(text).keys()]).toEqual(ngrams(text));
  });

  it('gives a list the same feature in every message and another list another one', () => {
    const a = signalFeature('context:en-voluntary');
    expect(input('Totally optional, but please fill in the survey').get(a)).toBe('optional');
    expect(input('The choir meets on Fridays, feel free to come along').get(a)).toBe('feel free');
    expect(signalFeature('context:en-one-person')).not.toBe(a);
  });

  it("gives none for a deployment's own rules and contexts, whose names the model never learnt, so its scores stay as they were", () => {
    const own = (name: string) =>
      ruleDir({ 'check-in/own-roll-call.yaml': ruleYaml('  any: [点个名]'), [`contexts/${name}.yaml`]: 'description: hearsay\nterms: [传闻]\n' });
    const read = (engine: typeof rules, text: string) => {
      const buf = newFeatureBuffer();
      engine.modelInput(text, buf);
      return [...buf.ids.subarray(0, buf.count)];
    };
    const text = '传闻：请大家今天下班前完成打卡，顺便点个名';
    expect(read(createEngine([own('zh-hearsay')], { model: null }), text)).toEqual(read(rules, text));
    // A name hashed onto a row trained for another feature moved the model's score of a demand.
    const demand = '传闻：各位会员每天晒咕咚运动记录，周五统计';
    const score = (dirs: string[]) =>
      createEngine(dirs)
        .classify(demand)
        .findings.find((f) => f.rule === 'model/ranking-pressure')?.score;
    const shipped = score([]);
    expect(shipped).toBeDefined();
    for (const name of ['zh-hearsay', 'my-ctx', 'zh-local-news']) expect({ name, score: score([own(name)]) }).toEqual({ name, score: shipped });
  });
});
