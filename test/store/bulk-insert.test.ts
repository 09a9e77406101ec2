import { describe, expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { jsonText } from '../../src/store/sql/dialect.js';
import { rec, tempStore } from './fixtures.js';

describeEngines('bulk inserts', (engine) => {
  it('store texts as binding would: lone surrogates as U+FFFD (and NUL, which PostgreSQL cannot hold), everything else as written', async () => {
    const store = await tempStore({}, await engine.fresh());
    const texts = {
      lone: 'a\ud800b\udfffc',
      pair: '打卡 😀 ✅',
      literal: 'a literal \\ud800 and \\\\ud800 typed out', // backslashes, not surrogates
      nul: 'before\u0000after',
      quotes: 'say "收到" \\ and \n new line',
    };
    await Promise.all(Object.entries(texts).map(([id, text]) => store.add(rec(id, { cats: ['check-in'], text }))));
    await store.flush();
    const read = async (id: string) => (await store.message('slack', id))?.text;
    expect(await read('lone')).toBe('a\ufffdb\ufffdc');
    expect(await read('nul')).toBe(engine.name === 'postgres' ? 'before\ufffdafter' : texts.nul);
    for (const id of ['pair', 'literal', 'quotes'] as const) expect(await read(id)).toBe(texts[id]);
  });
});

describe('bulk rows', () => {
  it('writes one JSON text per batch, its lone surrogates replaced (and for PostgreSQL its NULs)', () => {
    expect(
      JSON.parse(
        jsonText([
          ['x\ud83d', 1, null],
          ['\\ud83d', 2.5, 'y'],
        ]),
      ),
    ).toEqual([
      ['x\ufffd', 1, null],
      ['\\ud83d', 2.5, 'y'],
    ]);
    expect(JSON.parse(jsonText(['a\u0000b', '\\u0000'], true))).toEqual(['a\ufffdb', '\\u0000']);
  });
});
