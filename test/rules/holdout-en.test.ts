import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/engine/index.js';
import { evaluate } from '../../src/eval/metrics.js';
import { CATEGORIES } from '../../src/taxonomy/categories.js';

// Messages written apart from the dev corpus and the rules' own examples: the en pack's generalisation check.
const holdout = readFileSync(fileURLToPath(new URL('../fixtures/holdout/en.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; lang: string; text: string; labels: string[] });

describe('the en rule pack on the held-out set', () => {
  it('holds at least 120 English messages, about half of them demands', () => {
    expect(holdout.length).toBeGreaterThanOrEqual(120);
    expect(holdout.every((h) => h.lang === 'en')).toBe(true);
    const positives = holdout.filter((h) => h.labels.length > 0).length;
    expect(positives / holdout.length).toBeGreaterThan(0.4);
    expect(positives / holdout.length).toBeLessThan(0.6);
  });

  it('meets precision and recall >= 0.9 per category with 5+ positives, and a false-positive rate <= 5%', () => {
    const s = evaluate(holdout.map((h) => ({ id: h.id, expected: h.labels, actual: classify(h.text).categories })));
    for (const c of CATEGORIES) {
      const r = s.byCategory[c];
      if (r.tp + r.fn < 5) continue;
      expect.soft(r.precision, `${c} precision`).toBeGreaterThanOrEqual(0.9);
      expect.soft(r.recall, `${c} recall`).toBeGreaterThanOrEqual(0.9);
    }
    expect(s.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });
});
