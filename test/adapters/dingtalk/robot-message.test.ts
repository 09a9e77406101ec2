import { describe, expect, it } from 'vitest';
import { parseRobotCallback, quotedDingtalkId, toChatMessage, type RobotCallback } from '../../../adapters/dingtalk/robot-message.js';
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
    [{ msgtype: 'richText', content: { richText: [{ type: 'picture' }, { text: ' ' }, { type: 'picture' }] } }, 'image', '[image]'],
    [{ msgtype: 'file', content: { fileName: '11月考勤统计表.xlsx' } }, 'file', '[file] 11月考勤统计表.xlsx'],
    // A voice message is its transcript, read as words; without one it is a placeholder.
    [{ msgtype: 'audio', content: { recognition: ' 大家记得打卡 ' } }, 'text', '大家记得打卡'],
    [{ msgtype: 'audio', content: { recognition: '' } }, 'other', '[voice]'],
    // Words of another type than DingTalk documents are none: the message is still what it is.
    [{ msgtype: 'audio', content: { recognition: 123 } }, 'other', '[voice]'],
    [{ msgtype: 'audio', content: { recognition: null } }, 'other', '[voice]'],
    [{ msgtype: 'audio', content: { recognition: { text: '打卡' } } }, 'other', '[voice]'],
    [{ msgtype: 'text', text: { content: 123 } }, 'text', ''],
    [{ msgtype: 'richText', content: { richText: '请上传' } }, 'image', '[image]'],
    [{ msgtype: 'richText', content: { richText: [null, { text: 5 }, { text: '截图' }] } }, 'text', '截图'],
    [{ msgtype: 'file', content: { fileName: { name: 'x' } } }, 'file', '[file]'],
    [{ msgtype: 'video' }, 'other', '[video]'],
    [{ msgtype: 'interactiveCard' }, 'other', '[other]'],
  ])('reads %j as a %s message', (fields, kind, text) => {
    expect(toChatMessage({ ...base, ...fields })).toMatchObject({ kind, text });
  });

  it('takes the sender id from senderId when the sender has no staff id (outside the organisation)', () => {
    expect(toChatMessage({ ...base, text: { content: 'hi' } }).sender).toEqual({ id: 'sender-1', name: undefined });
  });

  it('links a reply to the message it quotes, with what the quote shows of it', () => {
    const reply = (repliedMsg: Record<string, unknown>) => toChatMessage({ ...base, text: { content: 'why', isReplyMsg: true, repliedMsg } });
    // Whose the quoted words are, the adapter tells from DingTalk's id of their sender (known-senders.ts).
    expect(reply({ msgId: 'q1', senderId: '$:boss', createdAt: 1799999000000, content: { text: ' 请各位明早八点前打卡 ' } })).toMatchObject({
      text: 'why',
      replyTo: 'q1',
      quoted: { id: 'q1', text: '请各位明早八点前打卡', sentAt: 1799999000000 },
    });
    expect(quotedDingtalkId({ ...base, text: { content: 'why', repliedMsg: { msgId: 'q1', senderId: '$:boss' } } })).toBe('$:boss');
    // Rich text gives its words.
    const rich = reply({ msgId: 'q2', senderId: '$:someone', content: { richText: [{ text: '请上传' }, { type: 'picture' }, { text: '截图' }] } });
    expect(rich.quoted).toEqual({ id: 'q2', text: '请上传截图', sentAt: undefined });
    // Content may come as a plain string.
    expect(reply({ msgId: 'q3', content: ' 我的消息 ' }).quoted?.text).toBe('我的消息');
    // A quoted picture shows no words: the reply still points at it, with nothing quoted.
    const picture = reply({ msgId: 'q4', content: { richText: [{ type: 'picture' }] } });
    expect([picture.replyTo, picture.quoted]).toEqual(['q4', undefined]);
    // A reply without the quoted message's id must not be taken for the group's latest message.
    const noId = reply({ content: { text: 'x' } });
    expect([noId.replyTo, noId.quotesUnknown, noId.quoted]).toEqual([null, true, undefined]);
    const plain = toChatMessage({ ...base, text: { content: 'hi' } });
    expect([plain.replyTo, plain.quotesUnknown, plain.quoted, quotedDingtalkId(base)]).toEqual([null, undefined, undefined, undefined]);
  });

  it('reads a reply whose quoted words, or a message whose mentions, are of another type than documented, without them', () => {
    const reply = toChatMessage({ ...base, text: { content: 'why', repliedMsg: { msgId: 'q1', content: { text: 7 } } } });
    expect([reply.replyTo, reply.quoted]).toEqual(['q1', undefined]);
    const odd = { ...base, text: { content: 'hi' } } as RobotCallback;
    expect(toChatMessage({ ...odd, atUsers: 'staff-1' as never }).mentioned).toEqual([]);
    expect(toChatMessage({ ...odd, atUsers: [null, { staffId: {} }, { staffId: 's1' }] as never }).mentioned).toEqual([{ id: undefined }, { id: 's1' }]);
  });

  it('reads a number id as its decimal string, and an id of another type (or too large to be exact) as none', () => {
    const odd = { ...base, text: { content: 'hi' } };
    expect(toChatMessage({ ...odd, senderStaffId: 123 }).sender.id).toBe('123');
    expect(toChatMessage({ ...odd, senderStaffId: { a: 1 } }).sender.id).toBe('sender-1');
    expect(toChatMessage({ ...odd, senderStaffId: 2 ** 60 }).sender.id).toBe('sender-1');
    const reply = (repliedMsg: unknown) => toChatMessage({ ...base, text: { content: 'why', repliedMsg } });
    expect(reply({ msgId: 5, content: '请打卡' })).toMatchObject({ replyTo: '5', quoted: { id: '5', text: '请打卡' } });
    expect([reply({ msgId: { a: 1 } }).replyTo, reply({ msgId: { a: 1 } }).quotesUnknown]).toEqual([null, true]);
    expect(quotedDingtalkId({ ...base, text: { repliedMsg: { senderId: 7 } } })).toBe('7');
    expect(quotedDingtalkId({ ...base, text: { repliedMsg: { senderId: [] } } })).toBeUndefined();
    // A single chat's type may come as the number 1; the robot's own id as a number is still left out of the mentions.
    expect(toChatMessage({ ...odd, conversationType: 1 }).group).toBeNull();
    expect(toChatMessage({ ...odd, chatbotUserId: 9, atUsers: [{ dingtalkId: '9' }, { dingtalkId: 8, staffId: 8 }] }).mentioned).toEqual([{ id: '8' }]);
  });

  it('reads a group title or sender nick of another type than text as none, and a number as its string', () => {
    const odd = { ...base, text: { content: 'hi' } };
    const named = (conversationTitle: unknown, senderNick: unknown) => {
      const m = toChatMessage({ ...odd, conversationTitle, senderNick });
      return [m.group?.name, m.sender.name];
    };
    expect(named({ a: 1 }, ['李老师'])).toEqual([undefined, undefined]);
    expect(named(42, 2024)).toEqual(['42', '2024']);
    expect(named('教务处工作群', '')).toEqual(['教务处工作群', undefined]);
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
