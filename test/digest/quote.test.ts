import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/core/excerpt.js';
import { nameHash } from '../../src/core/hidden-names.js';
import { Pseudonyms } from '../../src/core/pseudonyms.js';
import { QUOTE_MAX, quote } from '../../src/digest/quote.js';

const SALT = Buffer.from('5a17', 'hex');
/** People who opted out: each a name and a platform id, of forty different lengths, kept only as hashes. */
const hidden = {
  salt: SALT,
  names: Array.from({ length: 40 }, (_, i) => [`王${'明'.repeat(i + 1)}`, `ou_${'x'.repeat(i + 3)}`])
    .flat()
    .map((term, i) => ({ owner: `p${i >> 1}`, hash: nameHash(SALT, term), length: term.length })),
};

describe('quote', () => {
  it('puts a text on one line and cuts it to QUOTE_MAX characters, names scrubbed', () => {
    const pseudonyms = new Pseudonyms([{ id: 'u1', names: ['李四'] }], '成员', hidden);
    expect(quote('  李四：\n请大家\t今天填表 ', pseudonyms)).toBe('成员1： 请大家 今天填表');
    const long = quote(`王明明 ${'请填表。'.repeat(50)}`, pseudonyms);
    expect([...long]).toHaveLength(QUOTE_MAX);
    expect(long.startsWith('成员2 请填表。')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
  });

  it('is what cutting the whole scrubbed text gives, wherever a hidden name falls', () => {
    // Scrubbed whole, not only its start; a pseudonym the cut would split goes whole either way.
    const whole = (text: string) => excerpt(text, QUOTE_MAX - 1, (t, _, found) => new Pseudonyms([], '成员', hidden).scrub(t, Infinity, found));
    for (let at = 60; at < 100; at += 3) {
      const text = `${'请'.repeat(at)}ou_${'x'.repeat(30)} 和 王明明明 还没交${'表'.repeat(100)}`;
      expect(quote(text, new Pseudonyms([], '成员', hidden))).toBe(whole(text));
    }
    expect(quote('😀'.repeat(200), new Pseudonyms([], '成员', hidden))).toBe(whole('😀'.repeat(200)));
  });

  it('cuts by the characters a reader sees, an emoji of several code points one, and scrubs all it shows', () => {
    const pseudonyms = new Pseudonyms([], '成员', hidden);
    const family = '👨‍👩‍👧';
    expect(quote(family.repeat(100), pseudonyms)).toBe(`${family.repeat(QUOTE_MAX - 1)}…`);
    // Thirty families are 240 code units: the name after them is shown, so it is scrubbed too.
    expect(quote(`${family.repeat(30)} 王明明明 还没交`, pseudonyms)).toBe(`${family.repeat(30)} 成员1 还没交`);
  });

  it('costs what the shown start does, however long the lead (hashing all of it took minutes)', () => {
    const pseudonyms = new Pseudonyms([], '成员', hidden);
    const started = Date.now();
    const q = quote(`王明明明 ${'请大家填报表格，'.repeat(40_000)}`, pseudonyms);
    expect(q.startsWith('成员1 请大家填报表格')).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
