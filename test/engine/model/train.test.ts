import { describe, expect, it } from 'vitest';
import { newFeatureBuffer } from '../../../src/engine/model/features.js';
import { createEngine } from '../../../src/engine/index.js';
import { DEMAND, HashedMlp, K, outputIndex } from '../../../src/engine/model/hashed-mlp.js';
import { encodeModel } from '../../../src/engine/model/model-file.js';
import { quantize, train, type Example } from '../../../src/engine/model/train.js';

// A toy corpus: demands to a group against talk about them; each kind in several wordings.
const DEMANDS = [
  '请大家今天下班前完成打卡',
  '各位老师今晚八点前务必打卡',
  '全体同事明早九点前打卡签到',
  '请各网格员每天中午打卡',
  '大家记得每天打卡，别忘了',
  '请所有人今天之内打卡',
];
const TALK = ['我今天健身打卡了', '打卡机坏了吗', '又要打卡，烦死了', '据报道某县要求干部每天打卡', '严禁要求基层每天打卡', '我们公司打卡太麻烦了'];
const corpus: Example[] = [...DEMANDS.map((text) => ({ text, labels: ['check-in' as const] })), ...TALK.map((text) => ({ text, labels: [] }))];
const opts = { seed: 7, epochs: 40, rate: 0.05 };
const T = { confirm: 0.5, demandConfirm: 0.5, solo: 0.9, soloInDemand: 0.9 };
const rules = createEngine([], { model: null });

function modelOf(examples: Example[]) {
  const q = quantize(train(examples, rules, opts));
  return { q, model: new HashedMlp({ ...q, thresholds: { zh: T, en: T }, meta: {} }) };
}

function probs(model: HashedMlp, text: string): Float64Array {
  const buf = newFeatureBuffer();
  rules.modelInput(text, buf);
  const out = new Float64Array(K);
  model.predict(buf, out);
  return out;
}

describe('training the learned stage', () => {
  it('gives the same model, byte for byte, from the same corpus and seed', () => {
    const a = encodeModel({ ...modelOf(corpus).q, thresholds: { zh: T, en: T }, meta: {} });
    const b = encodeModel({ ...modelOf(corpus).q, thresholds: { zh: T, en: T }, meta: {} });
    expect(a.equals(b)).toBe(true);
  });

  it('learns to tell a demand to the group from talk about the same chore', () => {
    const { model } = modelOf(corpus);
    const k = outputIndex('check-in');
    for (const text of DEMANDS) expect(probs(model, text)[k], text).toBeGreaterThan(0.5);
    for (const text of TALK) expect(probs(model, text)[DEMAND], text).toBeLessThan(0.5);
  });

  it('names the words that weighed most, strongest first', () => {
    const { model } = modelOf(corpus);
    const text = '请大家今天打卡';
    const buf = newFeatureBuffer();
    rules.modelInput(text, buf);
    const cues = model.cues(buf, outputIndex('check-in'), 3);
    expect(cues.length).toBeGreaterThan(0);
    expect(cues.map((c) => c.weight)).toEqual([...cues.map((c) => c.weight)].sort((a, b) => b - a));
    // No two cues overlap.
    for (const a of cues) for (const b of cues) if (a !== b) expect(a.from >= b.to || b.from >= a.to).toBe(true);
  });
});
