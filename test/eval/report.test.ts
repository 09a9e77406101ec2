import { describe, expect, it } from 'vitest';
import type { CorpusLine } from '../../src/eval/corpus.js';
import { renderErrors, renderEval, type Verdicts } from '../../src/eval/report.js';

const line = (id: string, lang: string, genre: string, labels: CorpusLine['labels']): CorpusLine => ({
  id,
  lang,
  genre,
  labels,
  text: `text ${id}`,
  hard: labels.length === 0,
  where: `f.jsonl:${id}`,
});

describe('the eval report', () => {
  const rows: Verdicts[] = [
    { line: line('1', 'zh', 'chat-demand', ['check-in']), rules: ['check-in'], combined: ['check-in'] },
    { line: line('2', 'zh', 'news', []), rules: ['check-in'], combined: [] },
    { line: line('3', 'en', 'chat-demand', ['like-quota']), rules: [], combined: ['like-quota'] },
    { line: line('4', 'en', 'quoted', []), rules: [], combined: ['ack-demand'] },
  ];

  it('scores rules and rules+model overall, per language and per genre, and counts their disagreements', () => {
    const text = renderEval('dev split', rows);
    const all = text.split('\n').find((l) => l.startsWith('all'))!;
    // Rules: 1 tp, 1 fp, 1 fn; one of two non-demands flagged. Combined: 2 tp, 1 fp; one of two flagged.
    expect(all).toMatch(/^all\s+4\s+2\s+0\.500 0\.500 0\.500\s+50\.0 %\s+0\.667 1\.000 0\.800\s+50\.0 %$/);
    expect(text).toMatch(/^lang zh\s+2/m);
    expect(text).toMatch(/^genre news\s+1\s+1\s+.*100\.0 %.*0\.0 %$/m);
    expect(text).toContain("rules and model disagree on 3 of 4 lines (75.0 %): the model's answer is right on 2, the rules' on 1");
  });

  it('lists the lines a system got wrong with where they are', () => {
    expect(
      renderErrors(rows, 'rules')
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['f.jsonl:2', 'f.jsonl:3']);
  });
});
