import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/engine/index.js';
import { evaluate } from '../../src/eval/metrics.js';
import { CATEGORIES } from '../../src/taxonomy/categories.js';

// Messages written after the zh pack, never tuned on by the dev corpus: a check that the rules generalise.
const holdout = readFileSync(fileURLToPath(new URL('../fixtures/holdout/zh.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; lang: string; text: string; labels: string[] });

describe('the zh rule pack on the held-out set', () => {
  it('is a zh set with enough positives and negatives to measure', () => {
    expect(holdout.every((h) => h.lang === 'zh')).toBe(true);
    expect(holdout.length).toBeGreaterThanOrEqual(120);
    expect(holdout.filter((h) => h.labels.length === 0).length).toBeGreaterThanOrEqual(50);
  });

  it('meets the held-out precision, recall and false-positive targets', () => {
    const s = evaluate(holdout.map((h) => ({ id: h.id, expected: h.labels, actual: classify(h.text).categories })));
    for (const c of CATEGORIES) {
      // a category with few positives gives too coarse a figure to hold a threshold to
      if (s.byCategory[c].tp + s.byCategory[c].fn < 5) continue;
      expect.soft(s.byCategory[c].precision, `${c} precision`).toBeGreaterThanOrEqual(0.9);
      expect.soft(s.byCategory[c].recall, `${c} recall`).toBeGreaterThanOrEqual(0.9);
    }
    expect(s.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });
});
