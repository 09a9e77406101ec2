import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse.js';

describe('parseCommand', () => {
  it('reads a command word in either language, after mentions and a slash', () => {
    expect(parseCommand('@fingertip stats group')).toEqual({ name: 'stats', args: 'group', lang: 'en' });
    expect(parseCommand('/why')).toEqual({ name: 'why', args: '', lang: 'en' });
    expect(parseCommand('<@U0BOT> 统计 本群')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('漏报：打卡 截图')).toEqual({ name: 'missed', args: '打卡 截图', lang: 'zh' });
  });

  it('said to the bot, takes a Chinese word with no space after it, but never an English one', () => {
    expect(parseCommand('漏报打卡')).toEqual({ name: 'missed', args: '打卡', lang: 'zh' });
    expect(parseCommand('statsgroup')).toBeUndefined();
    expect(parseCommand('please fill in the stats')).toBeUndefined();
    // On DingTalk every message mentions the bot: a demand that opens with a command word and a mark stays a demand.
    expect(parseCommand('@fingertip Report: all staff must clock in by 8am and post a screenshot')).toBeUndefined();
    expect(parseCommand('Help-desk staff: clock in by 8 every day')).toBeUndefined();
  });

  it('standalone, takes a command only when its word stands alone, so chat stays chat', () => {
    for (const chat of ['统计表今天必须交上来', '为什么又要填表？', '设置好了吗？', '帮助一下小王', '反映情况的材料周五前报送'])
      expect(parseCommand(chat, { standalone: true }), chat).toBeUndefined();
    expect(parseCommand('统计 本群', { standalone: true })).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('为什么？', { standalone: true })).toEqual({ name: 'why', args: '？', lang: 'zh' });
    expect(parseCommand('统计：本群的表格周五前交', { standalone: true })).toBeUndefined();
    expect(parseCommand('误报', { standalone: true })).toEqual({ name: 'not-formalism', args: '', lang: 'zh' });
  });
});
