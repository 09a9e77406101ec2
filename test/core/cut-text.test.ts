import { describe, expect, it } from 'vitest';
import { cutText } from '../../src/core/cut-text.js';

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
  });
});
