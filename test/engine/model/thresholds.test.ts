import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../../src/core/categories.js';
import { createEngine } from '../../../src/engine/index.js';
import { K } from '../../../src/engine/model/hashed-mlp.js';
import { judgeLines } from '../../../src/engine/model/judge.js';
import { chooseThresholds, decide, scoreWith, THRESHOLD_GRID, type Judged } from '../../../src/engine/model/thresholds.js';
import { seeded } from '../../../src/engine/model/train.js';

// Lines with every kind of disagreement between labels, rules and model, from a fixed seed. The
// model leans toward the labels, and its probabilities fall on the grid's steps, so that settings tie.
function randomLines(n: number, seed: number): Judged[] {
  const rand = seeded(seed);
  const step = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 20) / 20;
  return Array.from({ length: n }, (_, i) => {
    const expected: Category[] = rand() < 0.4 ? CATEGORIES.filter(() => rand() < 0.25) : [];
    const lean = expected.length ? 0.3 : 0;
    const probs = Float64Array.from({ length: K }, (_, k) => step(rand() * 0.8 + (k === K - 1 || expected.includes(CATEGORIES[k]) ? lean : 0)));
    return { id: String(i), expected, ruled: Math.floor(rand() * 128) & Math.floor(rand() * 128), probs, lang: 'zh' };
  });
}

describe('the threshold search', () => {
  it('lets the model flag a short line only where a rule found it, as the engine does', () => {
    const probs = Float64Array.from({ length: K }, () => 0.99);
    const line = (short: boolean, ruled: number): Judged => ({ id: 'x', expected: [], ruled, probs, lang: 'en', short });
    const t = THRESHOLD_GRID[0];
    expect(scoreWith([line(false, 0)], t).falsePositiveRate).toBe(1);
    expect(scoreWith([line(true, 0)], t).falsePositiveRate).toBe(0);
    expect(scoreWith([line(true, 1)], t).falsePositiveRate).toBe(1);
  });

  it('lets the model flag nothing alone where a context silences it, as the engine does', () => {
    const engine = createEngine();
    // Demands the shipped model flags alone, told of beside a zh-retold pattern (有的单位要求, 据…介绍).
    const retold = [
      '有的单位要求医务人员将学习平台积分截图每日发群，未按时发送的在群内点名。',
      '据小林介绍，科室要求每人每天在学习平台完成至少30分钟的视频学习，并在群里晒出积分截图。',
    ];
    const judged = judgeLines(
      createEngine([], { model: null }),
      engine.model!,
      retold.map((text) => ({ id: text, text, labels: [] })),
    );
    expect(judged.map((j) => decide(j, engine.model!.data.thresholds[j.lang]))).toEqual([[], []]);
    expect(retold.map((text) => engine.classify(text).categories)).toEqual([[], []]);
  });

  it('chooses what trying every setting with scoreWith would: the best F1 within the bound, then fewer false flags, then the stricter solo', () => {
    for (const [seed, bound] of [
      [1, 0.05],
      [2, 0.15],
    ]) {
      const judged = randomLines(60, seed);
      const chosen = chooseThresholds(judged, bound);
      expect(chosen.scores).toEqual(scoreWith(judged, chosen.thresholds));
      expect(chosen.scores.falsePositiveRate).toBeLessThanOrEqual(bound);
      for (const t of THRESHOLD_GRID) {
        const s = scoreWith(judged, t);
        if (s.falsePositiveRate > bound) continue;
        expect(s.micro.f1).toBeLessThanOrEqual(chosen.scores.micro.f1 + 1e-9);
        if (Math.abs(s.micro.f1 - chosen.scores.micro.f1) > 1e-9) continue;
        expect(s.falsePositiveRate).toBeGreaterThanOrEqual(chosen.scores.falsePositiveRate);
        if (s.falsePositiveRate === chosen.scores.falsePositiveRate) expect(t.solo).toBeLessThanOrEqual(chosen.thresholds.solo);
      }
    }
  });

  const same = (expected: Category[], n: number): Judged[] =>
    Array.from({ length: n }, (_, i) => ({ id: `${expected.join()}${i}`, expected, ruled: 1, probs: Float64Array.from({ length: K }, () => 0.9), lang: 'zh' }));

  it('counts a non-demand flagged with any one category against the bound', () => {
    // The model cannot tell these apart: flagging all would give F1 0.67 with every non-demand flagged.
    const { scores } = chooseThresholds([...same(['check-in'], 10), ...same([], 10)], 0.03);
    expect(scores.falsePositiveRate).toBe(0);
    expect(scores.micro.f1).toBe(0);
  });

  it('keeps the model from flagging alone when that changes nothing on these lines', () => {
    expect(chooseThresholds(same(['check-in'], 10), 0.03).thresholds.solo).toBe(1.01);
  });
});
