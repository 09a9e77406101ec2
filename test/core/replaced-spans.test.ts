import { describe, expect, it } from 'vitest';
import { remapSpan, type Replacement } from '../../src/core/replaced-spans.js';

/** Makes the replacements in a text, as Pseudonyms.hideTracked does: each [start, end) by its text. */
function replaced(text: string, places: [start: number, end: number, by: string][]): { text: string; replacements: Replacement[] } {
  let out = '';
  let last = 0;
  for (const [start, end, by] of places) {
    out += text.slice(last, start) + by;
    last = end;
  }
  return { text: out + text.slice(last), replacements: places.map(([start, end, by]) => ({ start, end, length: by.length })) };
}

/** What a span of `text` covers once the replacements are made. */
const covered = (r: ReturnType<typeof replaced>, span: [number, number]): string => r.text.slice(...remapSpan(span, r.replacements));

describe('remapSpan', () => {
  // '@张三 请今晚前把表填好', 张三 (2 units) replaced by 成员1 (3).
  const text = '@张三 请今晚前把表填好';
  const r = replaced(text, [[1, 3, '成员1']]);

  it('leaves a span before a replacement where it was, and moves one after it by the change in length', () => {
    expect(r.text).toBe('@成员1 请今晚前把表填好');
    expect(remapSpan([0, 1], r.replacements)).toEqual([0, 1]);
    expect(covered(r, [8, 12])).toBe('把表填好');
    // Touching it on either side: still only its own characters.
    expect(covered(r, [0, 1])).toBe('@');
    expect(covered(r, [3, 5])).toBe(' 请');
  });

  it('covers the whole pseudonym when a span reaches into, covers or lies inside a replaced name', () => {
    expect(covered(r, [1, 3])).toBe('成员1');
    expect(covered(r, [2, 3])).toBe('成员1');
    expect(covered(r, [0, 2])).toBe('@成员1');
    expect(covered(r, [2, 6])).toBe('成员1 请今');
    expect(covered(r, [0, text.length])).toBe(r.text);
  });

  it('moves a span by every replacement before it, longer or shorter, and spans across several', () => {
    // 'Alice 和 王小明 请交表': Alice (5) by 成员1 (3), 王小明 (3) by Member 2 (8).
    const two = replaced('Alice 和 王小明 请交表', [
      [0, 5, '成员1'],
      [8, 11, 'Member 2'],
    ]);
    expect(two.text).toBe('成员1 和 Member 2 请交表');
    expect(covered(two, [5, 8])).toBe(' 和 ');
    expect(covered(two, [12, 15])).toBe('请交表');
    expect(covered(two, [3, 9])).toBe('成员1 和 Member 2');
    expect(remapSpan([0, 0], [])).toEqual([0, 0]);
  });

  it('keeps emoji and other characters of two code units whole on either side of a replacement', () => {
    // A name of one emoji, mentioned (@🌸: two code units) by 成员1 (three), among emoji and a family of eight units.
    const emoji = replaced('👍@🌸 截图👨‍👩‍👧发群里', [[3, 5, '成员1']]);
    expect(emoji.text).toBe('👍@成员1 截图👨‍👩‍👧发群里');
    expect(covered(emoji, [0, 2])).toBe('👍');
    expect(covered(emoji, [6, 8])).toBe('截图');
    expect(covered(emoji, [8, 16])).toBe('👨‍👩‍👧');
    // Half of the hidden emoji (a lone surrogate) marks the pseudonym, never half a character.
    expect(covered(emoji, [4, 5])).toBe('成员1');
  });
});
