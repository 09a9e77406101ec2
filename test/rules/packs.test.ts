import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, defaultEngine } from '../../src/engine/index.js';
import { normalize } from '../../src/engine/normalize.js';
import { CATEGORIES } from '../../src/core/categories.js';
import { readCorpusFile } from '../../src/eval/corpus.js';
import { scoreBuiltinRules } from '../support/labelled-corpus.js';

// The dev corpus ships in the repository (corpus/dev.jsonl), beside the rules it was tuned with.
const corpus = readCorpusFile(join(BUILTIN_RULES_DIR, '..', 'corpus', 'dev.jsonl'));

describe('the built-in rule packs', () => {
  const rules = defaultEngine().rules;

  it('cover every category in both languages', () => {
    for (const lang of ['zh', 'en']) {
      const covered = new Set(rules.filter((r) => r.languages.includes(lang)).map((r) => r.category));
      expect([...covered].sort()).toEqual([...CATEGORIES].sort());
    }
  });

  it('carry examples of their own, not lines of the dev corpus', () => {
    const corpusTexts = new Set(corpus.map((c) => normalize(c.text)));
    const copied = rules.flatMap((r) => [...r.examples.flag, ...r.examples.pass].filter((e) => corpusTexts.has(normalize(e))).map((e) => `${r.id}: ${e}`));
    expect(copied).toEqual([]);
  });

  it("describe themselves to Chinese readers with Chinese quotation marks, as the bot's own answers do", () => {
    const ascii = rules.filter((r) => typeof r.description !== 'string' && /"/.test(r.description.zh ?? '')).map((r) => r.id);
    expect(ascii).toEqual([]);
  });

  it('meet the precision, recall and false-positive targets on the dev corpus', () => {
    const s = scoreBuiltinRules(corpus);
    for (const c of CATEGORIES) {
      expect.soft(s.byCategory[c].precision, `${c} precision`).toBeGreaterThanOrEqual(0.95);
      expect.soft(s.byCategory[c].recall, `${c} recall`).toBeGreaterThanOrEqual(0.92);
    }
    expect(s.falsePositiveRate).toBeLessThanOrEqual(0.02);
  });
});
