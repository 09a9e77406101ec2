import { describe, expect, it } from 'vitest';
import { textLang } from '../../../src/engine/model/text-lang.js';
import { normalizeInto } from '../../../src/engine/normalize.js';

const lang = (text: string) => textLang(normalizeInto(text));

describe('the language whose thresholds judge a message', () => {
  it('is that of most of its text, a character counting as a word', () => {
    expect(lang('请大家今晚十点前完成打卡')).toBe('zh');
    expect(lang('Please all fill in the form by Friday')).toBe('en');
    expect(lang('各位请在 Slack 里 react ✅')).toBe('zh');
    expect(lang('pls 打卡 before the standup tomorrow, thanks everyone')).toBe('en');
    expect(lang('請大家按讚')).toBe('zh'); // traditional characters, simplified by normalisation
    expect(lang('👍 123')).toBe('en');
  });
});
