import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/core/lang.js';

describe('languageOf', () => {
  it('follows most group names, then most messages, and gives a last tie to Chinese', () => {
    expect(languageOf(['卫健群', 'ops', 'hr'], ['请填表'])).toBe('en');
    expect(languageOf(['卫健群', 'ops'], ['请填表', '请打卡', 'Please fill in the form'])).toBe('zh');
    expect(languageOf(['卫健群', 'ops'], ['Please fill in the form'])).toBe('en');
    expect(languageOf(['302'], [])).toBe('zh');
    expect(languageOf([], ['Please fill in the form', '请填表'])).toBe('zh');
  });
});
