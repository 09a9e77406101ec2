import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/core/categories.js';
import { readCorpusFile } from '../../src/eval/corpus.js';
import { scoreBuiltinRules } from '../support/labelled-corpus.js';

// Messages written apart from the dev corpus and the rules' own examples, in blind rounds: each
// pack's check that its rules generalise beyond the messages they were first written for.
for (const lang of ['zh', 'en']) {
  const holdout = readCorpusFile(fileURLToPath(new URL(`../fixtures/holdout/${lang}.jsonl`, import.meta.url)));

  describe(`the ${lang} rule pack on the held-out set`, () => {
    it(`is a ${lang} set large enough to measure, about half of it demands`, () => {
      expect(holdout.every((h) => h.lang === lang)).toBe(true);
      expect(holdout.length).toBeGreaterThanOrEqual(120);
      const positives = holdout.filter((h) => h.labels.length > 0).length;
      expect(holdout.length - positives).toBeGreaterThanOrEqual(50);
      expect(positives / holdout.length).toBeGreaterThan(0.4);
      expect(positives / holdout.length).toBeLessThan(0.6);
    });

    it('meets precision and recall >= 0.9 per category with 5+ positives, and a false-positive rate <= 5%', () => {
      const s = scoreBuiltinRules(holdout);
      for (const c of CATEGORIES) {
        const r = s.byCategory[c];
        // a category with few positives gives too coarse a figure to hold a threshold to
        if (r.tp + r.fn < 5) continue;
        expect.soft(r.precision, `${c} precision`).toBeGreaterThanOrEqual(0.9);
        expect.soft(r.recall, `${c} recall`).toBeGreaterThanOrEqual(0.9);
      }
      expect(s.falsePositiveRate).toBeLessThanOrEqual(0.05);
    });
  });
}
