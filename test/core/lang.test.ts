import { describe, expect, it } from 'vitest';
import { guessLang, languageOf } from '../../src/core/lang.js';

describe('languageOf', () => {
  it('follows most group names, then most messages, and gives a last tie to Chinese', () => {
    expect(languageOf(['卫健群', 'ops', 'hr'], ['请填表'])).toBe('en');
    expect(languageOf(['卫健群', 'ops'], ['请填表', '请打卡', 'Please fill in the form'])).toBe('zh');
    expect(languageOf(['卫健群', 'ops'], ['Please fill in the form'])).toBe('en');
    expect(languageOf(['302'], [])).toBe('zh');
    expect(languageOf([], ['Please fill in the form', '请填表'])).toBe('zh');
  });
});

describe('guessLang', () => {
  it('answers Latin letters alone in English, and text with Han or with no letters at all in Chinese', () => {
    expect(['stat', 'ok Tom', 'Ça va'].map(guessLang)).toEqual(['en', 'en', 'en']);
    expect(['统计', '统计 this week', '👍', '1', '？', '[强]'].map(guessLang)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh', 'zh']);
  });
});
