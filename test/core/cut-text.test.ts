import { describe, expect, it } from 'vitest';
import { cutText } from '../../src/core/cut-text.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** What a cut is: the first max - 1 characters as the segmenter reads them, and …, when there are more than max. */
function cutBySegmenter(text: string, max: number): string {
  const chars = [...graphemes.segment(text)].map((s) => s.segment);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

describe('cutText', () => {
  it('keeps a text of at most max characters as it is, however many code units they take', () => {
    expect(cutText('请各位今天填表', 7)).toBe('请各位今天填表');
    expect(cutText('😀😀😀', 3)).toBe('😀😀😀');
    expect(cutText('', 3)).toBe('');
  });

  it('cuts a longer one to max characters, the last …, never inside an emoji, a family, a flag or an accented letter', () => {
    expect(cutText('请各位今天填表并截图', 5)).toBe('请各位今…');
    expect(cutText('打卡😀😀😀😀', 4)).toBe('打卡😀…');
    expect(cutText('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 2)).toBe('👨‍👩‍👧…');
    expect(cutText('🇨🇳🇨🇳🇨🇳', 2)).toBe('🇨🇳…');
    expect(cutText('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
    expect(cutText('abcd\u0301ef', 4)).toBe('abc…');
    expect(cutText('打卡\u302a打卡', 2)).toBe('打…');
  });

  it('cuts as the segmenter does around every character up to CJK punctuation and in the full-width forms', () => {
    const wrong: string[] = [];
    const units = [...Array(0x3100 - 0x20).keys()].map((i) => i + 0x20).concat([...Array(0x170).keys()].map((i) => i + 0xfe00));
    for (const u of units) {
      const c = String.fromCharCode(u);
      for (const text of [`ab${c}cd${c}ef`, `打卡${c}${c}截图`, `${c}${c}${c}${c}${c}${c}`]) {
        for (const max of [2, 3, 4, 5]) if (cutText(text, max) !== cutBySegmenter(text, max)) wrong.push(`U+${u.toString(16)} in ${text} at ${max}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
