import { describe, expect, it } from 'vitest';
import { nearCommands } from '../../src/commands/near.js';
import { TEXTS } from '../../src/commands/texts.js';

describe('nearCommands', () => {
  it('names a command given words it does not take, mistyped, or asked for by what it answers, in the language of the words', () => {
    expect(nearCommands('@fingertip 统计 本周')).toEqual({ names: ['stats'], lang: 'zh' });
    expect(nearCommands('@fingertip stats this week')).toEqual({ names: ['stats'], lang: 'en' });
    expect(nearCommands('@小助手 stat')).toEqual({ names: ['stats'], lang: 'en' });
    expect(nearCommands('@fingertip hlep')).toEqual({ names: ['help'], lang: 'en' });
    expect(nearCommands('forgot me')).toEqual({ names: ['forget'], lang: 'en' });
    expect(nearCommands('forget me please')).toEqual({ names: ['forget'], lang: 'en' });
    expect(nearCommands('@fingertip 我的负担吧')).toEqual({ names: ['stats'], lang: 'zh' });
    expect(nearCommands('怎么用？')).toEqual({ names: ['help'], lang: 'zh' });
  });

  it('names none for chat, sentences and acks, which DingTalk delivers to the bot too', () => {
    for (const text of [
      '@fingertip 统计表今天必须交上来',
      '@fingertip 这是误报的数据',
      '@fingertip 请全体同事今晚十点前完成打卡并截图发群里',
      '@fingertip stats are due Friday, everyone',
      '@fingertip 收到',
      '@fingertip ok',
      '@fingertip who',
      '@fingertip helpdesk',
      '@fingertip 明天开会',
      '@fingertip',
    ])
      expect(nearCommands(text), text).toBeUndefined();
  });

  it('takes no Chinese word a character off a command word for it, nor an English word under four letters, nor forget it for forget me', () => {
    // On DingTalk every message mentions the bot: a short demand (周报 今晚交) is no mistyped 误报.
    for (const text of [
      '@fingertip 日报 今晚交',
      '@fingertip 周报 今晚交',
      '@fingertip 设计',
      '@fingertip 估计',
      '@fingertip 合计',
      '@fingertip 总计',
      '@fingertip 统记',
      '@fingertip 是什么',
      '@fingertip 干什么',
      '@fingertip 帮忙',
      '@fingertip 上报',
      '@fingertip 汇报',
      '@fingertip 误会',
      '@fingertip forget it',
      '@fingertip forget that',
      '@fingertip forget my password',
      '@fingertip wyh',
      '@fingertip hep',
    ])
      expect(nearCommands(text), text).toBeUndefined();
  });

  it('is answered with the commands as help writes them, and help', () => {
    expect(TEXTS.near(['stats'], 'zh')).toBe('你是想发“统计”或“统计 本群”吗？发送“帮助”查看我能做的事。');
    expect(TEXTS.near(['help'], 'en')).toBe('Send "help" for what I can do.');
  });
});
