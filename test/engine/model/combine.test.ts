import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import { combine } from '../../../src/engine/model/combine.js';
import { extractFeatures, FEATURES, newFeatureBuffer } from '../../../src/engine/model/features.js';
import { DEMAND, HashedMlp, HIDDEN, K, outputIndex } from '../../../src/engine/model/hashed-mlp.js';
import { normalizeInto } from '../../../src/engine/normalize.js';
import { chooseThresholds, decide } from '../../../src/engine/model/thresholds.js';
import { demandScore } from '../../../src/engine/model/decision.js';
import type { Category } from '../../../src/core/categories.js';
import { createEngine } from '../../../src/engine/index.js';
import { ruleDir, STEP_COUNT_FLAGS, stepCountRule } from '../../support/rules.js';

const T = { confirm: 0.5, demandConfirm: 0.6, solo: 0.9, soloInDemand: 0.7 };
const text = '请大家今天打卡';
const nz = normalizeInto(text);
const buf = newFeatureBuffer();
extractFeatures(nz, buf);
// Every feature of the text feeds hidden unit 0, which feeds check-in: the cues are the text's own n-grams.
const embeddings = new Int8Array(FEATURES * HIDDEN);
const rowScales = new Float32Array(FEATURES);
for (let i = 0; i < buf.count; i++) {
  embeddings[buf.ids[i] * HIDDEN] = 10 + i;
  rowScales[buf.ids[i]] = 0.1;
}
const outWeights = new Float32Array(HIDDEN * K);
outWeights[outputIndex('check-in')] = 1;
const model = new HashedMlp({
  embeddings,
  rowScales,
  hiddenBias: new Float32Array(HIDDEN),
  outWeights,
  outBias: new Float32Array(K),
  thresholds: { zh: T, en: T },
  meta: {},
});
const explain = { model, buf, nz, text };
const ruleFinding: Finding = { rule: 'check-in/r', category: 'check-in', span: [5, 7], match: '打卡' };

function probs(values: Partial<Record<number, number>>): Float64Array {
  const p = new Float64Array(K);
  for (const [k, v] of Object.entries(values)) p[Number(k)] = v!;
  return p;
}
const CHECK_IN = outputIndex('check-in');
const PROOF = outputIndex('proof-demand');

describe('rules and model together', () => {
  it("keeps a rule's finding the model agrees with, by category or as a demand", () => {
    expect(combine([ruleFinding], probs({ [CHECK_IN]: 0.7 }), T, explain).findings).toEqual([ruleFinding]);
    // Demand score (0.9 + 0.4) / 2 = 0.65 reaches demandConfirm 0.6; check-in alone (0.4) would not confirm.
    expect(combine([ruleFinding], probs({ [CHECK_IN]: 0.4, [DEMAND]: 0.9 }), T, explain).findings).toEqual([ruleFinding]);
  });

  it("vetoes a rule's finding on what the model judges no demand, and keeps it aside with the score", () => {
    const r = combine([ruleFinding], probs({ [CHECK_IN]: 0.2, [DEMAND]: 0.1 }), T, explain);
    expect(r.findings).toEqual([]);
    expect(r.vetoed).toEqual([{ ...ruleFinding, score: 0.2 }]);
  });

  it('flags alone only when confident, naming its cues in the original text with their weights', () => {
    expect(combine([], probs({ [CHECK_IN]: 0.85 }), T, explain).findings).toEqual([]);
    const [f] = combine([], probs({ [CHECK_IN]: 0.95 }), T, explain).findings;
    expect(f.rule).toBe('model/check-in');
    expect(f.score).toBe(0.95);
    expect(f.cues!.length).toBeGreaterThan(0);
    for (const c of f.cues!) {
      expect(text.slice(c.span[0], c.span[1])).toBe(c.match);
      expect(c.weight).toBeGreaterThan(0);
    }
    expect([f.span, f.match]).toEqual([f.cues![0].span, f.cues![0].match]);
  });

  it('flags alone at a lower probability in a message it judges a demand', () => {
    expect(combine([], probs({ [CHECK_IN]: 0.75 }), T, explain).findings).toEqual([]);
    expect(combine([], probs({ [CHECK_IN]: 0.75, [DEMAND]: 0.7 }), T, explain).findings.map((f) => f.rule)).toEqual(['model/check-in']);
  });

  it('judges a demand by the mean of the demand output and the strongest category', () => {
    expect(demandScore(probs({ [CHECK_IN]: 0.9, [DEMAND]: 0.2 }))).toBeCloseTo(0.55);
    expect(demandScore(probs({ [CHECK_IN]: 0.3, [PROOF]: 0.6, [DEMAND]: 0.8 }))).toBeCloseTo(0.7);
    // The demand output alone, every category at zero, is half a demand: the two must agree.
    expect(combine([ruleFinding], probs({ [DEMAND]: 0.9 }), T, explain).findings).toEqual([]);
    expect(combine([ruleFinding], probs({ [CHECK_IN]: 0.3, [DEMAND]: 0.9 }), T, explain).findings).toEqual([ruleFinding]);
  });

  it('does not flag alone a category a group silenced', () => {
    expect(combine([], probs({ [CHECK_IN]: 0.95 }), T, explain, 1 << CHECK_IN).findings).toEqual([]);
  });

  it("keeps the finding of a rule that says `veto: false` whatever the model scores, and vetoes the others'", () => {
    const other: Finding = { ...ruleFinding, rule: 'check-in/other' };
    const r = combine([ruleFinding, other], probs({ [CHECK_IN]: 0.01, [DEMAND]: 0.01 }), T, explain, 0, new Set(['check-in/r']));
    expect(r.findings).toEqual([ruleFinding]);
    expect(r.vetoed).toEqual([{ ...other, score: 0.01 }]);
  });
});

describe('a custom rule beside the shipped model', () => {
  const [text] = STEP_COUNT_FLAGS;

  it('is vetoed on a demand the corpus never held, and stands, named, with `veto: false`', () => {
    const vetoed = createEngine([ruleDir(stepCountRule())]).classify(text);
    expect(vetoed.findings).toEqual([]);
    expect(vetoed.vetoed?.map((f) => f.rule)).toEqual(['proof-demand/zh-step-count']);
    const stands = createEngine([ruleDir(stepCountRule('veto: false\n'))]).classify(text);
    expect(stands.categories).toEqual(['proof-demand']);
    expect(stands.findings.map((f) => f.rule)).toEqual(['proof-demand/zh-step-count']);
    expect(stands.vetoed).toBeUndefined();
  });
});

describe('choosing the thresholds on the dev split', () => {
  const line = (expected: Category[], ruled: number, p: Partial<Record<number, number>>) => ({
    id: String(Math.random()),
    expected,
    ruled,
    probs: probs(p),
    lang: 'zh' as const,
  });

  it('keeps the false flags on non-demands within the bound, even if only vetoing everything does', () => {
    // Every line is a non-demand the rules flag with a confident model: anything but a full veto flags it.
    const judged = Array.from({ length: 10 }, () => line([], 1 << CHECK_IN, { [CHECK_IN]: 0.99, [DEMAND]: 0.99 }));
    const { thresholds, scores } = chooseThresholds(judged, 0.03);
    expect(scores.falsePositiveRate).toBe(0);
    expect(decide(judged[0], thresholds)).toEqual([]);
  });

  it('takes the rules where the model agrees and the model alone where it is sure', () => {
    const judged = [
      ...Array.from({ length: 5 }, () => line(['check-in'], 1 << CHECK_IN, { [CHECK_IN]: 0.9, [DEMAND]: 0.9 })),
      ...Array.from({ length: 5 }, () => line([], 1 << CHECK_IN, { [CHECK_IN]: 0.1, [DEMAND]: 0.1 })),
      ...Array.from({ length: 5 }, () => line(['check-in'], 0, { [CHECK_IN]: 0.97, [DEMAND]: 0.97 })),
    ];
    const { scores } = chooseThresholds(judged, 0.03);
    expect(scores.micro.f1).toBe(1);
  });
});
