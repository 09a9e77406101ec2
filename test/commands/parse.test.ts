import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse.js';
import { categoryWords } from '../../src/commands/category-words.js';

describe('parseCommand', () => {
  it('reads a command word in either language, after mentions and a slash', () => {
    expect(parseCommand('@fingertip stats group')).toEqual({ name: 'stats', args: 'group', lang: 'en' });
    expect(parseCommand('/why')).toEqual({ name: 'why', args: '', lang: 'en' });
    expect(parseCommand('<@U0BOT> 统计 本群')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('漏报：打卡 截图')).toEqual({ name: 'missed', args: '打卡 截图', lang: 'zh' });
  });

  it('reads the full-width slash, mark, letters and space a Chinese input method types', () => {
    expect(parseCommand('！why')).toEqual({ name: 'why', args: '', lang: 'en' });
    expect(parseCommand('／why')).toEqual({ name: 'why', args: '', lang: 'en' });
    expect(parseCommand('ｓｔａｔｓ　group')).toEqual({ name: 'stats', args: 'group', lang: 'en' });
    expect(parseCommand('forget　me')).toEqual({ name: 'forget', args: '', lang: 'en' });
    expect(parseCommand('ｓｔａｔｓ are due')).toBeUndefined();
  });

  it('takes a Chinese word glued only to a word it takes, and an English one only before a space or a closing mark', () => {
    expect(parseCommand('漏报打卡')).toEqual({ name: 'missed', args: '打卡', lang: 'zh' });
    expect(parseCommand('统计本群')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('why?')).toEqual({ name: 'why', args: '', lang: 'en' });
    expect(parseCommand('@fingertip help!')).toEqual({ name: 'help', args: '', lang: 'en' });
    expect(parseCommand('为什么？')).toEqual({ name: 'why', args: '', lang: 'zh' });
    expect(parseCommand('误报')).toEqual({ name: 'not-formalism', args: '', lang: 'zh' });
    expect(parseCommand('统计 本群')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    // A glued word may close a sentence as a lone command word may.
    expect(parseCommand('统计本群。')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('漏报接龙！')).toEqual({ name: 'missed', args: '接龙', lang: 'zh' });
    expect(parseCommand('漏报接龙截图。')).toEqual({ name: 'missed', args: '接龙截图', lang: 'zh' });
    expect(parseCommand('统计表。')).toBeUndefined();
  });

  it('reads commands typed in traditional characters, and keeps a lead as written', () => {
    expect(parseCommand('統計 本群')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('為什麼？')).toEqual({ name: 'why', args: '', lang: 'zh' });
    expect(parseCommand('為甚麼')).toEqual({ name: 'why', args: '', lang: 'zh' });
    expect(parseCommand('幫助')).toEqual({ name: 'help', args: '', lang: 'zh' });
    expect(parseCommand('誤報')).toEqual({ name: 'not-formalism', args: '', lang: 'zh' });
    expect(parseCommand('漏報 填報 截圖')).toEqual({ name: 'missed', args: '填报 截图', lang: 'zh' });
    expect(parseCommand('刪除我的數據')).toEqual({ name: 'forget', args: '', lang: 'zh' });
    expect(parseCommand('退出統計')).toEqual({ name: 'optout', args: '', lang: 'zh' });
    expect(parseCommand('反映 領導要求每天截圖')).toEqual({ name: 'report', args: '領導要求每天截圖', lang: 'zh' });
    expect(parseCommand('設置 周报接收人 陳主任')).toEqual({ name: 'config', args: '周报接收人 陳主任', lang: 'zh' });
    expect(parseCommand('統計表今天必須交上來')).toBeUndefined();
  });

  it('reads a modal particle ending a Chinese command as a closing mark, but keeps it in a setting or a lead', () => {
    expect(parseCommand('删除我的数据吧')).toEqual({ name: 'forget', args: '', lang: 'zh' });
    expect(parseCommand('为什么啊？')).toEqual({ name: 'why', args: '', lang: 'zh' });
    expect(parseCommand('误报哦')).toEqual({ name: 'not-formalism', args: '', lang: 'zh' });
    expect(parseCommand('退出统计吧！')).toEqual({ name: 'optout', args: '', lang: 'zh' });
    expect(parseCommand('统计本群吧')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('漏报 打卡 截图呀')).toEqual({ name: 'missed', args: '打卡 截图', lang: 'zh' });
    // A setting's value may be a name, a lead is kept as written.
    expect(parseCommand('设置 周报接收人 @糖糖呀')).toEqual({ name: 'config', args: '周报接收人 @糖糖呀', lang: 'zh' });
    expect(parseCommand('反映 周末也要打卡啊')).toEqual({ name: 'report', args: '周末也要打卡啊', lang: 'zh' });
    // Not before other words, nor after an English command or a word the command does not take.
    expect(parseCommand('为什么啊这个要填')).toBeUndefined();
    expect(parseCommand('统计表吧')).toBeUndefined();
    expect(parseCommand('help吧')).toBeUndefined();
  });

  it('leaves chat and demands that merely open with a command word alone, addressed to the bot or not (DingTalk mentions it on every message)', () => {
    for (const chat of [
      '统计表今天必须交上来',
      '为什么又要填表？',
      '设置好了吗？',
      '帮助一下小王',
      '@所有人 反映情况的材料周五前报送，每人都要填表',
      '@所有人 统计一下本周加班时长',
      '漏报的情况下周再说',
      'statsgroup',
      'please fill in the stats',
      '@fingertip Report: all staff must clock in by 8am and post a screenshot',
      'Help-desk staff: clock in by 8 every day',
    ])
      expect(parseCommand(chat), chat).toBeUndefined();
  });

  it('takes a command only with what it takes after it: nothing, its setting or its categories (forget me not… is chat, not an erasure)', () => {
    for (const chat of [
      'forget me not, that is the name of the flower',
      'stats are due Friday, everyone please fill in the KPI sheet',
      'why is the server down?',
      'help me with this printer?',
      'missed the meeting, sorry',
      'optout of the lunch order, thanks',
      'not formalism, just a reminder: the room is booked',
      '为什么 这么多表',
      '统计 一下本周加班时长',
    ])
      expect(parseCommand(chat), chat).toBeUndefined();
    expect(parseCommand('forget me!')).toEqual({ name: 'forget', args: '', lang: 'en' });
    expect(parseCommand('missed check-in')).toEqual({ name: 'missed', args: 'check-in', lang: 'en' });
    expect(parseCommand('missed')).toEqual({ name: 'missed', args: '', lang: 'en' }); // answered with the categories to name
    expect(parseCommand('report the 7 am check-in, every day')).toEqual({ name: 'report', args: 'the 7 am check-in, every day', lang: 'en' });
  });

  it('reads past a mention of the bot and a closing mark after the command (Slack and Feishu strip only a leading mention)', () => {
    expect(parseCommand('why <@U0BOT>')).toEqual({ name: 'why', args: '', lang: 'en' });
    expect(parseCommand('误报 @fingertip')).toEqual({ name: 'not-formalism', args: '', lang: 'zh' });
    expect(parseCommand('stats group? <@U0BOT>')).toEqual({ name: 'stats', args: 'group', lang: 'en' });
    expect(parseCommand('反映 为什么每天要报三次？')).toEqual({ name: 'report', args: '为什么每天要报三次？', lang: 'zh' }); // a lead as written
  });

  it('ends a mention of the bot at a mark typed without a space, before the command or after it', () => {
    expect(parseCommand('@fingertip，帮助')).toEqual({ name: 'help', args: '', lang: 'zh' });
    expect(parseCommand('@指尖助手：统计本群')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('@所有人，统计一下本周加班时长')).toBeUndefined();
    // Every mark that ends a mention goes with it, before the command and after it.
    for (const said of [
      '@fingertip、统计',
      '@fingertip；统计',
      '@fingertip;统计',
      '统计 @fingertip，',
      '统计 @fingertip；',
      '统计 @fingertip、',
      '统计本群 @fingertip，',
    ])
      expect(parseCommand(said), said).toEqual({ name: 'stats', args: said.includes('本群') ? '本群' : '', lang: 'zh' });
    expect(parseCommand('why <@U0BOT>,')).toEqual({ name: 'why', args: '', lang: 'en' });
    expect(parseCommand('@张三，你统计一下')).toBeUndefined();
    expect(parseCommand('@张三、统计表今天必须交上来')).toBeUndefined();
    // The question mark after the mention is the command's: an erasure asked so is not carried out.
    for (const asked of ['forget me @fingertip？', '删除我的数据 @fingertip?'])
      expect(parseCommand(asked), asked).toEqual({ name: 'help', args: '', lang: asked.startsWith('forget') ? 'en' : 'zh' });
  });

  it('reads the natural phrasings Chinese members use: ＠, 設定, 资料, a polite 请, 呢, and 误报 said as a sentence', () => {
    expect(parseCommand('＠fingertip 统计')).toEqual({ name: 'stats', args: '', lang: 'zh' });
    expect(parseCommand('统计 本群 ＠fingertip')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('設定 模式 提醒')).toEqual({ name: 'config', args: '模式 提醒', lang: 'zh' });
    expect(parseCommand('刪除我的資料')).toEqual({ name: 'forget', args: '', lang: 'zh' });
    expect(parseCommand('删除我的资料')).toEqual({ name: 'forget', args: '', lang: 'zh' });
    expect(parseCommand('请删除我的数据')).toEqual({ name: 'forget', args: '', lang: 'zh' });
    expect(parseCommand('@fingertip 请帮我统计')).toEqual({ name: 'stats', args: '', lang: 'zh' });
    expect(parseCommand('帮我统计 本群')).toEqual({ name: 'stats', args: '本群', lang: 'zh' });
    expect(parseCommand('为什么呢')).toEqual({ name: 'why', args: '', lang: 'zh' });
    for (const said of ['误报了', '这是误报', '不是形式主义', '這是誤報！', '误报了吧'])
      expect(parseCommand(said), said).toEqual({ name: 'not-formalism', args: '', lang: 'zh' });
    // A question is not carried out, nor chat that opens with the same words.
    for (const asked of ['删除我的资料吗', '请删除我的数据吗', '删除我的数据呢', '误报了吗', '这是误报吗'])
      expect(parseCommand(asked), asked).toEqual({ name: 'help', args: '', lang: 'zh' });
    for (const chat of [
      '这是误报的数据',
      '误报了三次，系统要改',
      '不是形式主义的问题',
      '删除我的资料库里的旧文件',
      '请统计一下本周加班时长',
      '请帮我们统计一下',
      '帮我设定好闹钟了吗',
      '设定好了吗？',
      '＠所有人，统计一下本周加班时长',
    ])
      expect(parseCommand(chat), chat).toBeUndefined();
  });

  it('in a direct message takes a command word with other words after it, as nothing else is said to the bot there', () => {
    expect(parseCommand('help me', { lenient: true })).toEqual({ name: 'help', args: 'me', lang: 'en' });
    expect(parseCommand('stats please', { lenient: true })).toEqual({ name: 'stats', args: 'please', lang: 'en' });
    // Chinese glues them, and privately nothing else is said to the bot; in a group that is chat.
    expect(parseCommand('统计一下', { lenient: true })).toEqual({ name: 'stats', args: '一下', lang: 'zh' });
    expect(parseCommand('为什么这条被标了', { lenient: true })).toEqual({ name: 'why', args: '这条被标了', lang: 'zh' });
    expect(parseCommand('统计一下')).toBeUndefined();
    expect(parseCommand('漏报一下', { lenient: true })).toBeUndefined();
    expect(parseCommand('help me')).toBeUndefined();
    // A command that changes something never takes other words: asking about it is not doing it.
    for (const question of ['forget me if I leave the company - what happens?', '删除我的数据 会删掉什么', '退出统计 之后还能加入吗'])
      expect(parseCommand(question, { lenient: true }), question).toBeUndefined();
    // An erasure asked as a question is answered with the help that says what it does, not carried out.
    for (const asked of ['删除我的数据？', 'forget me?', '删除我的数据？！', '刪除我的數據？'])
      expect(parseCommand(asked), asked).toEqual({ name: 'help', args: '', lang: asked.startsWith('forget') ? 'en' : 'zh' });
    expect(parseCommand('删除我的数据！')).toEqual({ name: 'forget', args: '', lang: 'zh' });
  });

  it.each([
    // A question particle, with or without a mark, for every command that changes something.
    ['删除我的数据吗', 'zh'],
    ['删除我的数据吗？', 'zh'],
    ['删除我的数据嘛', 'zh'],
    ['删除我的数据么?', 'zh'],
    ['刪除我的數據嗎', 'zh'],
    ['@fingertip 删除我的数据吗', 'zh'],
    ['删除我的数据吗 @fingertip', 'zh'],
    ['退出统计吗', 'zh'],
    ['退出统计嘛？', 'zh'],
    ['加入统计么', 'zh'],
    ['误报吗', 'zh'],
    ['漏报 打卡吗？', 'zh'],
    // A question mark, for every command that changes something.
    ['误报？', 'zh'],
    ['误报 @fingertip？', 'zh'],
    ['漏报 接龙？', 'zh'],
    ['漏报接龙截图？', 'zh'],
    ['not formalism?', 'en'],
    ['missed check-in?', 'en'],
    ['退出统计？', 'zh'],
    ['退出统计吧？', 'zh'],
    ['加入统计?', 'zh'],
    ['optout?', 'en'],
    ['opt-in?', 'en'],
  ])('takes %s for a question, answered with the help, never carried out', (asked, lang) => {
    expect(parseCommand(asked)).toEqual({ name: 'help', args: '', lang });
  });

  it.each([
    ['退出统计', 'optout', ''],
    ['退出统计吧！', 'optout', ''],
    ['加入统计', 'optin', ''],
    ['误报！', 'not-formalism', ''],
    ['漏报 接龙。', 'missed', '接龙'],
    ['漏报 打卡 什么', 'missed', '打卡 什么'], // 么 of 什么 is no question particle
    ['统计吗', 'stats', ''], // a command that only answers answers a question too
    ['为什么？', 'why', ''],
  ])('carries out %s', (said, name, args) => {
    expect(parseCommand(said)).toEqual({ name, args, lang: 'zh' });
  });

  it('keeps a question particle of a lead or a setting, and leaves chat alone', () => {
    expect(parseCommand('反映 这样合理吗')).toEqual({ name: 'report', args: '这样合理吗', lang: 'zh' });
    expect(parseCommand('设置好了吗？')).toBeUndefined();
  });

  it('takes 漏报 before a short list of words it does not know, to ask which categories they mean, but not before a sentence', () => {
    expect(parseCommand('漏报 摸鱼 划水')).toEqual({ name: 'missed', args: '摸鱼 划水', lang: 'zh' });
    expect(parseCommand('漏报：摸鱼/划水')).toEqual({ name: 'missed', args: '摸鱼/划水', lang: 'zh' });
    expect(parseCommand('漏报 什么')).toEqual({ name: 'missed', args: '什么', lang: 'zh' });
    // In English a known word must be among them: everyday words name categories there too.
    expect(parseCommand('missed likes lol')).toEqual({ name: 'missed', args: 'likes lol', lang: 'en' });
    expect(parseCommand('missed likes, rankings, votes, screenshots')).toEqual({ name: 'missed', args: 'likes, rankings, votes, screenshots', lang: 'en' });
    for (const chat of [
      '漏报了三个数据，明天补上',
      '漏报 的同学今天下午五点前补报。',
      '漏报 三个数据。明天补上',
      'missed the meeting, sorry',
      'missed it again',
      'missed foo',
      'missed lunch lol',
      'missed your reply, sorry',
      'missed the livestream yesterday',
      'Missed standup today, sick',
    ])
      expect(parseCommand(chat), chat).toBeUndefined();
  });

  it('keeps an address with @ in a setting: only a mention standing apart is dropped', () => {
    expect(parseCommand('config supervisor boss@corp.com')).toEqual({ name: 'config', args: 'supervisor boss@corp.com', lang: 'en' });
    expect(parseCommand('config supervisor U0BOSS <@U0BOT>')).toEqual({ name: 'config', args: 'supervisor U0BOSS', lang: 'en' });
    // A mention that is the value names the supervisor, not the bot.
    expect(parseCommand('设置 周报接收人 @王主任')).toEqual({ name: 'config', args: '周报接收人 @王主任', lang: 'zh' });
    expect(parseCommand('config supervisor <@U0SUPER>')).toEqual({ name: 'config', args: 'supervisor <@U0SUPER>', lang: 'en' });
    expect(parseCommand('config mode nudge @fingertip')).toEqual({ name: 'config', args: 'mode nudge', lang: 'en' });
    // A mention continuing a list of mentions is one more name, however the list is parted.
    expect(parseCommand('设置 周报接收人 @周科长、@冯科长 @李校长')).toEqual({ name: 'config', args: '周报接收人 @周科长、@冯科长 @李校长', lang: 'zh' });
    expect(parseCommand('config supervisor 王主任、@李校长 @赵书记')).toEqual({ name: 'config', args: 'supervisor 王主任、@李校长 @赵书记', lang: 'en' });
    // However a mark and a space part them, the mention after a mark too (@alice, @bob).
    for (const list of ['@alice, @bob', '<@U0A>, <@U0B> <@U0C>', '@周科长、 @冯科长 @李校长', '王主任， @李校长'])
      expect(parseCommand(`config supervisor ${list}`), list).toEqual({ name: 'config', args: `supervisor ${list}`, lang: 'en' });
  });

  it('reads Chinese category words written together after 漏报', () => {
    expect(parseCommand('漏报打卡截图')).toEqual({ name: 'missed', args: '打卡截图', lang: 'zh' });
    expect(categoryWords('打卡截图')).toEqual({ categories: ['check-in', 'proof-demand'], unknown: [] });
    expect(categoryWords('打卡了吗')).toEqual({ categories: [], unknown: ['打卡了吗'] });
  });
});
