import { describe, expect, it } from 'vitest';
import { parseRobotCallback, toChatMessage, type RobotCallback } from '../../../adapters/dingtalk/robot-message.js';
import { InputError } from '../../../src/core/errors.js';

const base: RobotCallback = {
  msgId: 'm1',
  msgtype: 'text',
  conversationType: '2',
  conversationId: 'cid1',
  senderId: 'sender-1',
  createAt: 1800000000000,
};

describe('toChatMessage', () => {
  it.each([
    [{ msgtype: 'richText', content: { richText: [{ text: '请上传' }, { type: 'picture' }, { text: '截图' }] } }, 'text', '请上传[image]截图'],
    [{ msgtype: 'file', content: { fileName: '11月考勤统计表.xlsx' } }, 'file', '[file] 11月考勤统计表.xlsx'],
    [{ msgtype: 'audio', content: { recognition: '大家记得打卡' } }, 'other', '[voice] 大家记得打卡'],
    [{ msgtype: 'video' }, 'other', '[video]'],
    [{ msgtype: 'interactiveCard' }, 'other', '[other]'],
  ])('reads %j as a %s message', (fields, kind, text) => {
    expect(toChatMessage({ ...base, ...fields })).toMatchObject({ kind, text });
  });

  it('takes the sender id from senderId when the sender has no staff id (outside the organisation)', () => {
    expect(toChatMessage({ ...base, text: { content: 'hi' } }).sender).toEqual({ id: 'sender-1', name: undefined });
  });

  it('does not read an @-mention of someone named "all..." as @all', () => {
    expect(toChatMessage({ ...base, text: { content: '@allen 请今天交表' } }).mentionsAll).toBe(false);
    expect(toChatMessage({ ...base, text: { content: '@all 请今天交表' } }).mentionsAll).toBe(true);
  });
});

describe('parseRobotCallback', () => {
  it.each([
    ['[1]', 'dingtalk: frame f1: not a robot message (msgId, conversationId, senderId)'],
    ['null', 'dingtalk: frame f1: not a robot message (msgId, conversationId, senderId)'],
    ['{"msgId":"m","conversationId":"c","senderId":"s"}', 'dingtalk: frame f1: message m without createAt'],
    ['{oops', 'dingtalk: frame f1: data is not JSON'],
  ])('refuses %s with a line naming the frame', (data, message) => {
    const attempt = () => parseRobotCallback(data, 'f1');
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
  });
});
