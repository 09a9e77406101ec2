import { describe, expect, it } from 'vitest';
import { isBareAck } from '../../../src/analysis/record/ack.js';

// Pinned before the words moved from TypeScript into rules/lists/, and kept since, but for five: 👍🏻
// and ☑️ are acks like 👍 and ✅, while "ok then what" and "1 2" say something more than one; and
// 收到啦 ends on a particle as 收到哈 does, which adds nothing to the ack.
// (The deadline words' cases are in deadline.test.ts, pinned the same way.)

describe('bare acknowledgements read from rules/lists/bare-acks.yaml', () => {
  it.each([
    '收到',
    '已收到',
    '收到了',
    '好的',
    '好',
    '明白',
    '已阅',
    '已读',
    '知道了',
    '了解',
    '遵命',
    '1',
    '11',
    '111',
    '+1',
    'ok',
    'okay',
    'ok!',
    'okk',
    'noted',
    'received',
    'got it',
    'roger',
    'will do',
    'done',
    'ack',
    'yes',
    'y',
    '✅',
    '👍',
    '👌',
    '🙏',
    '✔',
    '✔️',
    '🆗',
    '收',
    '嗯',
    '嗯嗯',
    '[强]',
    '[ok]',
    '[拳头]',
    '[抱拳]',
    '[胜利]',
    '收到！',
    '收到~',
    'OK.',
    'Ｏｋ',
    'ＯＫ！',
    '收到 - 张三',
    '收到-张三',
    '收到 张三 2班',
    '收到收到',
    '👍👍👍',
    '1111',
    '+1+1',
    'okok',
    '嗯嗯嗯',
    '收到，张三三年级二班的家长',
    '收到。',
    '  好的  ',
    '已閱',
    'okay!!',
    '11 张三',
    'done done',
    '已读已读',
    '[强][强]',
    '[ok] 张三',
    'received, thanks',
    '✅✅',
    '✔️✔️',
    '收到收到收到收到收到收到收到收到收到收到收到收到收到收到',
    ':+1:',
    ':white_check_mark:',
    '☑️',
    '👍🏻',
    '收到啦',
  ])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each([
    '收到?',
    '收到 张三？',
    '收到了吗',
    '好的我马上',
    '2',
    '+2',
    'n',
    'yes?',
    'nope',
    '[拳]',
    '强',
    'got',
    'get it',
    '收到请回复',
    '请回复收到',
    '收到 - 这是一条很长的说明文字一二三四五',
    'a',
    '。',
    '',
    ':+1: can you also send me the link to the form please?',
    ':calendar:',
    'ok then what',
    '1 2',
  ])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('bare acknowledgements as Chinese work and school groups write them', () => {
  it.each([
    // any emoji, a keycap digit, a sticker of either language
    '收到👍',
    '收到🙏',
    '收到✅',
    '收到👍🏻',
    '收到🌹🌹',
    '好的👌',
    'ok👍',
    '1️⃣',
    '收到[强]',
    '收到[抱拳]',
    '收到[玫瑰]',
    '[OK]',
    '[Thumbs Up]',
    '收到[Thumbs Up][Thumbs Up]',
    // thanks on either side
    '收到谢谢',
    '收到，谢谢老师！',
    '谢谢老师，收到',
    '已收到，辛苦了',
    'noted, thx',
    'ok thank you',
    // name tags before and after
    '收到~王五',
    '张三收到',
    '张三已阅',
    '李四：已收到',
    '三年级2班王五家长收到',
    '六(2)班李四妈妈收到',
    '初二3班 赵六的家长 收到',
    '收到-三年级2班王五家长',
    '收到【欧阳娜娜】',
    '财务部李四收到',
    '收到王老师',
    '好的老师',
    '收到，李总',
    '@王老师 收到',
    '收到 Tony',
    'noted - Mary Smith',
    '收到 东坡村 李建国',
    '好的 谢谢社长',
    'noted sir 🙏',
    // done, or doing it at once, said as the ack
    '收到，马上落实',
    '好的，已转发',
    '四（3）班已完成',
  ])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each([
    '收到，我明天交不了',
    '收到但是表格打不开?',
    '收到但是表格打不开',
    '收到，马上交',
    '收到，张三今天请假',
    '收到，不参加',
    '收到文件',
    '收到 周末',
    '张三请假',
    '老师好',
    '王老师好',
    '谢谢',
    '[玫瑰]',
    '[图片]',
    '🎉',
    'ok but why',
    '收到👍 表格在哪里下载',
    // a numbered line of a list, a capitalised word before the ack, an empty checkbox
    '1. 张三',
    '2、李四家长',
    'Jan 11',
    'Praying 🙏',
    '[ ] +1 Release',
  ])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('a mention in a bare ack ends at a space or a mark, so it hides no words', () => {
  it.each([
    '@王老师 收到',
    '@王老师\u2005收到',
    '收到@王老师',
    '收到@王老师，谢谢',
    '收到@所有人',
    '收到@欧阳娜娜',
    '@王老师收到',
    '@小鱼儿收到',
    'ok @tony',
    'ok <@U0SUPER>',
    // nicknames with emoji, digits, Latin letters, brackets or many characters
    '@小鱼儿🐟，收到',
    '@王老师2，收到',
    '@Amy陈，收到',
    '@三年级二班班主任，收到',
    '@陈老师-教务，收到',
    '收到@二班班主任！',
  ])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each([
    '收到@王老师，我明天交不了',
    '收到@王老师我家孩子发烧了明天请假',
    '收到@王老师孩子发烧请假一天',
    '收到@王老师 我明天交不了',
    '收到@all 我明天不来',
    '@王老师 我明天请假',
    '收到@李四请假',
    // a sentence's end is a mark too: what runs up to it is no nickname
    '收到@王老师我明天交不了。',
    '收到@王老师明天请假！谢谢',
    '好的@李主任这个我做不了。',
    // nor up to a space, nor a short refusal
    '收到@王老师我明天交不了 谢谢',
    '@王老师我明天交不了 收到',
    '好的@张三我不去 谢谢老师',
    '收到@不去了。',
    '收到@我不去',
  ])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('only what adds nothing decorates a bare ack', () => {
  it.each([
    '收到👍',
    '收到🙏🏻',
    '收到[玫瑰]',
    '收到[Thumbs Up]',
    '财务部李四收到',
    '收到 东坡村 李建国',
    '办公室主任收到',
    '收到-人事处 王五',
    '办公室收到',
    '人事部已收到',
    '东坡村收到',
  ])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each([
    // emoji that refuse, question or protest
    '收到❌',
    '收到❎',
    '收到❓',
    '收到❔',
    '收到⁉️',
    '收到👎',
    '收到👎🏻',
    '收到👍👎',
    '收到🙅‍♂️',
    '收到🤔',
    '收到😡',
    // placeholders of media and system messages, of WeChat's exports and of the adapters
    '收到[图片]',
    '收到[语音]',
    '收到[视频]',
    '收到[文件]',
    '收到[链接]',
    '收到[位置]',
    '收到[撤回了一条消息]',
    '收到[image]',
    '收到[voice]',
    '收到[file]',
    '收到 [contact card]',
    // two characters and 室 or 村 with no name after them are the reply's own words
    '收到办公室',
    '会议室1',
    '收到，会议室1',
    '收到，不在村',
    '收到 不在村',
  ])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('a Latin name in a bare ack is a capitalised word right after the ack', () => {
  it.each(['收到 Tony', 'noted - Mary Smith', 'ok, Tony', 'noted — Anna', 'Got it, Tony', 'Done - Mary', 'ＯＫ Ｔｏｎｙ'])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each([
    // after a sentence's end, a capital starts the next sentence
    'Done. Sorry',
    'Got it. But',
    'ok. Later',
    'noted. Sick',
    'noted. Out',
    'Done. Late',
    // capitalised elsewhere in the text only
    'ok tony Tony',
    'noted mary, Mary',
    // common words and weekdays are no names
    'ok Why',
    'ok Fine',
    'Noted Cancel',
    'ok - Tomorrow',
    '收到 Sorry',
    '收到 Late',
    'yes Monday',
    'Yes, Friday',
    // a capital alone, or all capitals, is no name's: an answer or an abbreviation
    'ok PTO',
    'noted OOO',
    'ok B',
  ])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('acks as typed beyond the first lists', () => {
  it.each([
    'Roger that',
    'roger that 👍',
    'Roger that, thanks',
    '好滴',
    '好嘞',
    '好哒',
    '收到哈',
    '好的呢',
    '收悉',
    '已收悉',
    '已知悉',
    '知悉',
    '懂了',
    '晓得了',
    '知道啦',
    '哦哦',
    'understood',
    'Understood 👍',
    'sounds good',
    'Sounds good, thanks',
    '好滴收到',
    '张三已知悉',
  ])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each(['roger that?', '哦', '收到哈哈哈你们', '知悉了吗', 'sounds good but when', 'understood not'])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('class tags as schools write them', () => {
  it.each([
    '三年级（2）班王小明家长收到',
    '三年级(2)班王五家长收到',
    '七年级（3）班张小明妈妈收到',
    '七年级 (3)班 张小明妈妈 收到',
    '三（2）班王五家长收到',
    '大一班张三妈妈收到',
    '小二班王五妈妈收到',
    '中班李四爸爸收到',
    '大班 张三 收到',
    '2023级王五收到',
    '收到-2023级 王五',
  ])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each(['三年级（2）班王小明家长没收到', '大一班张三妈妈收到了吗', '2023级王五请假', '中班 明天停课'])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('a particle after an ack word, and consent said alone, leave an ack bare', () => {
  it.each([
    '收到啦',
    '收到哦',
    '收到呀',
    '好的哈',
    '好哒呀',
    '好滴呢',
    '好啊',
    '明白了呢',
    '已收到了',
    '已收到了谢谢',
    '了解了',
    '知悉了',
    '收悉了',
    '已阅了',
    '已读了',
    '没问题了',
    '行谢谢',
    '行咯',
    '行哒',
    '行哟',
    '已收到哈~',
    '好呀收到',
    '收到啦，谢谢老师',
    '可以',
    '可以的',
    '可以可以👍',
    '没问题',
    '没问题！',
    '没问题，马上落实',
    '收到，李总，没问题',
    '行',
    '行的',
    '行啊',
    'yep',
    'Yup 👌',
    'Sure',
    'sure thing',
    'Sure thing, Tony',
    'yup, thanks',
    'sounds good!',
    'Got it, thanks!',
  ])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each([
    // a question, a refusal, a reply that goes on
    '可以吗？',
    '可以吗',
    '可以了吗',
    '可以，但是我明天不在',
    '可以不去吗',
    '不可以',
    '没问题吧',
    '没问题吗',
    '行吧',
    '行不行',
    '不行',
    '行李箱',
    '行程码',
    '收到，行程单',
    // 了 after 好 or 可以 says a thing works now, as after a fix
    '好了',
    '可以了谢谢',
    '好了，可以了',
    'OK了',
    '行了',
    '行了，谢谢',
    'okay了',
    '好的了',
    '好嘞了',
    '好哒了',
    '行啦了',
    '好的啦了',
    '收到啦？',
    '好的吧',
    '收到了吗',
    '收到了没',
    // a particle is no ack alone, nor apart from the ack word
    '哦',
    '啦啦',
    '收到 啦',
    'Sure?',
    'sure, but when?',
    'Not sure',
    "I'm not sure",
    "yep but I can't",
    'yup, sending it tomorrow',
  ])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('a word that starts like a name is no name tag', () => {
  it.each([
    ...['收到 周杰', '收到-高明', '高老师收到', '周杰收到', '收到，安娜', '收到 白雪', '好的程总', 'ok Tony', 'noted - Sarah', 'Got it, Mark'],
    // a role after the surname, and words that are common names too
    ...['收到，高校长', '高校长收到', '好的高校长', '收到，高峰', '高峰收到', '收到 文明', '安静收到', '夏天收到', '收到 高中华'],
  ])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });

  it.each([
    // weekdays, seasons and times
    '收到，周五',
    '收到，周一',
    '收到 周日',
    '好的，周三',
    '收到，白天',
    '好的 季度',
    '收到 黄金周',
    // travel and the work's own words
    '收到 高铁',
    '收到 高速',
    '好的，高铁票',
    '收到，高兴',
    '好高兴',
    '好方便',
    '收到，安排',
    '收到，程序',
    '好 高考',
    // months, tools and times of day in English
    'ok Jan 11',
    'ok Jan',
    'ok March',
    'noted Sept',
    'ok Dec 1',
    'ok Zoom',
    'ok Teams',
    'Noted Excel',
    'ok WeChat',
    'ok Lunch',
    'yep Noon',
  ])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });
});

describe('a place or a house before a verb of meeting, going or eating is no name tag', () => {
  it.each(['可以，苏州见', '收到，苏州走', '好的，杭州吃', '可以，周庄见', '收到，黄山见', '行，苏州玩', '好的 李家坐', '好的，杨浦聚', '好的，吴江接'])(
    '%s is not',
    (text) => {
      expect(isBareAck(text)).toBe(false);
    },
  );

  it.each(['收到，张三', '收到-李老师', '1 王芳', 'ok Tom', '收到，高中华', '欧阳娜娜收到'])('%s is a bare ack', (text) => {
    expect(isBareAck(text)).toBe(true);
  });
});

describe('a place, known by how its name ends, is no name tag whatever follows it', () => {
  it.each([
    '好的，苏州飞',
    '好的，常州转',
    '好的，苏州游',
    '好的，苏州停',
    '可以，杭州唱',
    '好的，温州散',
    '好的，郑州',
    '收到，徐州市区',
    '好的，黄山爬',
    '可以，黄河游',
  ])('%s is not', (text) => {
    expect(isBareAck(text)).toBe(false);
  });

  // 山 and 河 end many a given name: only two characters after one make it a place and a verb.
  it.each(['收到，张三', '收到-李老师', '1 王芳', 'ok Tom', '收到，高中华', '欧阳娜娜收到', '收到，黄山', '赵本山收到', '收到，陈宝山', '收到 东坡村 李建国'])(
    '%s is a bare ack',
    (text) => {
      expect(isBareAck(text)).toBe(true);
    },
  );
});
