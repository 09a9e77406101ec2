import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLES, readCorpusFile, readPattern, readSplits } from '../../src/eval/corpus.js';
import { BUILTIN_RULES_DIR } from '../../src/engine/builtin-rules.js';
import { tempDir } from '../support/temp-dir.js';

const line = (o: object) => `${JSON.stringify(o)}\n`;

describe('reading a labelled corpus', () => {
  it('reads lines with their labels sorted, genre, hard flag and where they stand', () => {
    const dir = tempDir({
      'a.jsonl':
        line({ id: 'x1', lang: 'zh', text: '请打卡', labels: ['proof-demand', 'check-in'], genre: 'chat-demand' }) +
        '\n' +
        line({ id: 'x2', text: '我打卡了', labels: [], hard: true }),
    });
    const rows = readCorpusFile(`${dir}/a.jsonl`, 'a.jsonl');
    expect(rows.map((r) => [r.id, r.labels, r.genre, r.hard, r.where])).toEqual([
      ['x1', ['check-in', 'proof-demand'], 'chat-demand', false, 'a.jsonl:1'],
      ['x2', [], undefined, true, 'a.jsonl:3'],
    ]);
  });

  it('stops at a line without labels, with an unknown category or broken JSON, naming file and line', () => {
    const cases: [string, RegExp][] = [
      [line({ text: 'a' }) + line({ text: 'b' }), /^c\.jsonl:1: no labels array/],
      [line({ text: 'a', labels: [] }) + line({ text: 'b', labels: ['clock-in'] }), /^c\.jsonl:2: unknown category "clock-in"/],
      [line({ text: 'a', labels: [] }) + '{"text": ', /^c\.jsonl:2: not valid JSON/],
      [line({ labels: [] }), /^c\.jsonl:1: no text/],
      [line({ text: 'a', labels: [] }) + 'null\n', /^c\.jsonl:2: not a JSON object/],
      ['[1, 2]\n', /^c\.jsonl:1: not a JSON object/],
    ];
    for (const [content, message] of cases) {
      const dir = tempDir({ 'c.jsonl': content });
      expect(() => readCorpusFile(`${dir}/c.jsonl`, 'c.jsonl')).toThrow(message);
    }
  });

  it('stops at blank text, a line past 1 MiB and bytes that are not UTF-8, naming file and line', () => {
    const cases: [string | Buffer, RegExp][] = [
      [line({ text: 'a', labels: [] }) + line({ text: ' \u3000 ', labels: [] }), /^c\.jsonl:2: no text/],
      [line({ text: 'a', labels: [] }) + line({ text: '打卡'.repeat(200_000), labels: [] }), /^c\.jsonl:2: longer than 1048576 bytes/],
      // 请大家截图 in GBK, as Chinese Windows saves a file
      [
        Buffer.concat([
          Buffer.from(line({ text: 'a', labels: [] }) + '{"text":"'),
          Buffer.from('c7ebb4f3bcd2bdd8cdbc', 'hex'),
          Buffer.from('","labels":[]}\n'),
        ]),
        /^c\.jsonl:2: not UTF-8/,
      ],
    ];
    for (const [content, message] of cases) {
      const dir = tempDir({});
      writeFileSync(`${dir}/c.jsonl`, content);
      expect(() => readCorpusFile(`${dir}/c.jsonl`, 'c.jsonl')).toThrow(message);
    }
  });

  it('reads a file that starts with a byte-order mark, as Windows editors save UTF-8', () => {
    const dir = tempDir({ 'c.jsonl': `\uFEFF${line({ text: 'a', labels: ['check-in'] })}` });
    expect(readCorpusFile(`${dir}/c.jsonl`, 'c.jsonl').map((l) => l.labels)).toEqual([['check-in']]);
  });

  it('assigns whole files and folders to the splits that corpus/splits.json names', () => {
    const dir = tempDir({
      'corpus/splits.json': JSON.stringify({ train: ['corpus/rounds/r1/*.jsonl', 'corpus/dev.jsonl'], dev: ['corpus/rounds/r2/*.jsonl'], test: [] }),
      'corpus/dev.jsonl': line({ text: 'd', labels: [] }),
      'corpus/rounds/r1/a.jsonl': line({ text: 'a', labels: [] }),
      'corpus/rounds/r1/b.jsonl': line({ text: 'b', labels: ['check-in'] }),
      'corpus/rounds/r2/c.jsonl': line({ text: 'c', labels: [] }),
    });
    const s = readSplits(dir);
    expect(s.train.map((l) => l.where)).toEqual(['corpus/rounds/r1/a.jsonl:1', 'corpus/rounds/r1/b.jsonl:1', 'corpus/dev.jsonl:1']);
    expect(s.dev.map((l) => l.text)).toEqual(['c']);
    expect(s.test).toEqual([]);
  });

  it('names where a missing folder was asked for: corpus/splits.json, or the pattern alone', () => {
    const dir = tempDir({ 'corpus/splits.json': JSON.stringify({ train: ['corpus/rounds/r9/*.jsonl'], dev: [], test: [] }) });
    expect(() => readSplits(dir)).toThrow(/^corpus\/splits\.json: corpus\/rounds\/r9\/\*\.jsonl: no such folder$/);
    expect(() => readPattern(dir, 'corpus/articles/*.jsonl')).toThrow(/^corpus\/articles\/\*\.jsonl: no such folder$/);
  });

  it('keeps the feature articles out of every split: they measure, and nothing is fit to them', () => {
    const root = join(BUILTIN_RULES_DIR, '..');
    const articles = readPattern(root, ARTICLES);
    expect(new Set(articles.map((l) => l.lang))).toEqual(new Set(['zh', 'en']));
    expect(articles.every((l) => l.labels.length === 0 && l.genre === 'news')).toBe(true);
    const inSplits = new Set(Object.values(readSplits(root)).flatMap((lines) => lines.map((l) => l.text)));
    expect(articles.filter((l) => inSplits.has(l.text))).toEqual([]);
  });
});
