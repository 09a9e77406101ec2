import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/engine/regex-prefilter.js';

describe('requiredLiterals', () => {
  it('takes the longest run of adjacent literals', () => {
    expect(requiredLiterals('被[^,。]{0,4}通报')).toEqual(['通报']);
    expect(requiredLiterals('截图\\d+张')).toEqual(['截图']);
  });

  it('expands small classes and unions the alternatives of a required group', () => {
    expect(requiredLiterals('[吗吧]\\?')?.sort()).toEqual(['吗?', '吧?']);
    expect(requiredLiterals('\\b(?:no need|stop)\\b')?.sort()).toEqual(['no need', 'stop']);
  });

  it('knows nothing of patterns whose every part is optional or wide', () => {
    expect(requiredLiterals('(?:foo)?\\d*')).toBeNull();
    expect(requiredLiterals('\\p{Script=Han}{2}')).toBeNull();
    expect(requiredLiterals('^$|x')).toBeNull();
  });

  it('never promises a literal that a match can lack', () => {
    const cases: [string, string[]][] = [
      ['(?:什么|怎么)[^。]{0,5}\\?', ['怎么样?', '什么?']],
      ['a+b|cd', ['aaab', 'cd']],
      ['(?:x|y)z', ['xz', 'yz']],
    ];
    for (const [source, samples] of cases) {
      const literals = requiredLiterals(source)!;
      for (const s of samples) {
        expect(new RegExp(source, 'u').test(s)).toBe(true);
        expect(literals.some((l) => s.includes(l))).toBe(true);
      }
    }
  });
});
