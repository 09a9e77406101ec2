import { describe, expect, it } from 'vitest';
import { NameMatcher } from '../../src/core/name-matcher.js';

const mark = (m: NameMatcher, text: string) => m.replace(text, (found) => `[${found}]`);

describe('NameMatcher', () => {
  it('finds Latin names as whole words in any case, Chinese names anywhere, the longest first', () => {
    const m = new NameMatcher(['Li', 'Li Wei', '王小明', '王小', 'A', '我', 'U0BOB']);
    expect(mark(m, 'li wei and Li like LIKE <@U0BOB>')).toBe('[li wei] and [Li] like LIKE <@[U0BOB]>');
    expect(mark(m, '王小明说王小二也没交，我知道')).toBe('[王小明]说[王小]二也没交，我知道');
    expect(mark(m, 'A plan')).toBe('A plan');
    expect(mark(m, '')).toBe('');
    // İ lower-cases to two characters: the match must still cover the whole name.
    const turkish = new NameMatcher(['İbrahim Yılmaz', 'Ali İnce']);
    expect(mark(turkish, 'send İbrahim Yılmaz and ALI İNCE a photo')).toBe('send [İbrahim Yılmaz] and [ALI İNCE] a photo');
  });

  it('takes ten thousand members at little cost a text', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `U${i}X${i * 7}`);
    const m = new NameMatcher([...names, ...names.map((_, i) => `name${i}`)]);
    expect(mark(m, 'send it to U42X294 and name9999 by Friday')).toBe('send it to [U42X294] and [name9999] by Friday');
  });
});
