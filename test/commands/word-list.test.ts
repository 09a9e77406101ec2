import { describe, expect, it } from 'vitest';
import { isWordList, listWords } from '../../src/commands/word-list.js';

describe('word lists', () => {
  it('splits a list at spaces and at the marks a list is written with', () => {
    expect(listWords('报平安/扣1、接龙，Likes, votes and 拍照')).toEqual(['报平安', '扣1', '接龙', 'likes', 'votes', '拍照']);
  });

  it('tells a short list of words from a sentence', () => {
    for (const list of ['摸鱼', '摸鱼 划水', '扣个1/报个平安', 'lunch', 'foo bar']) expect(isWordList(list), list).toBe(true);
    for (const sentence of [
      '',
      'the meeting, sorry',
      'it',
      '三个数据。明天补上',
      '今天下午五点前必须全部补报完毕',
      '一 二 三 四',
      '这个：不算',
      'deadline extended for everyone',
    ])
      expect(isWordList(sentence), sentence).toBe(false);
  });
});
