import { describe, expect, it } from 'vitest';
import { textLang, textShape } from '../../../src/engine/model/text-lang.js';
import { defaultEngine } from '../../../src/engine/index.js';
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

describe('a message too short to demand anything', () => {
  it('counts ideographs and Latin words as words', () => {
    expect(textShape(normalizeInto('体温接龙')).words).toBe(4);
    expect(textShape(normalizeInto('all fill asap')).words).toBe(3);
    expect(textShape(normalizeInto('x ✅ 1')).words).toBe(1);
  });

  it('is never flagged by the model alone, whatever its n-grams weigh', () => {
    for (const text of ['x', 'X', 'ok', '收到', '好的']) expect(defaultEngine().classify(text).categories, text).toEqual([]);
    expect(defaultEngine().classify('Everyone please vote for our team here by Friday').categories).toContain('like-quota');
  });
});
