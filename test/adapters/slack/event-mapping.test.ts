import { describe, expect, it } from 'vitest';
import { fromMessageEvent, fromReaction, type SlackMessageEvent, type SlackReactionEvent } from '../../../adapters/slack/event-mapping.js';
import { InputError } from '../../../src/core/errors.js';

const base = { type: 'message', channel: 'C01', channel_type: 'channel', user: 'U1', ts: '1800000000.000100' };

describe('fromMessageEvent', () => {
  it('gives files a kind and a placeholder text when there is no caption, and a caption the kind text', () => {
    expect(fromMessageEvent({ ...base, subtype: 'file_share', text: '', files: [{ mimetype: 'image/png' }] }, 'Ev1', 'UBOT')).toMatchObject({
      kind: 'image',
      text: '[image]',
    });
    expect(fromMessageEvent({ ...base, subtype: 'file_share', text: '<@UBOT>', files: [{ mimetype: 'text/csv' }] }, 'Ev1', 'UBOT')).toMatchObject({
      kind: 'file',
      text: '[file]',
    });
    expect(
      fromMessageEvent({ ...base, subtype: 'file_share', text: '请填表', files: [{ mimetype: 'application/vnd.ms-excel' }] }, 'Ev1', 'UBOT'),
    ).toMatchObject({ kind: 'text', text: '请填表' });
  });

  it("takes thread broadcasts with their parent and drops the bot's own and system messages", () => {
    expect(fromMessageEvent({ ...base, subtype: 'thread_broadcast', thread_ts: '1799999999.000100', text: '收到' }, 'Ev2', 'UBOT')).toMatchObject({
      replyTo: 'C01/1799999999.000100',
    });
    expect(fromMessageEvent({ ...base, user: 'UBOT', text: 'digest' }, 'Ev3', 'UBOT')).toBeNull();
    expect(fromMessageEvent({ ...base, bot_id: 'B1', text: '打卡提醒' }, 'Ev4', 'UBOT')).toBeNull();
    for (const subtype of ['channel_join', 'channel_topic', 'message_deleted', 'message_changed', 'pinned_item']) {
      expect(fromMessageEvent({ ...base, subtype, text: 'x' }, 'Ev5', 'UBOT')).toBeNull();
    }
  });

  it('refuses, as bad input, a text that is not a string and files that are not a list of file objects', () => {
    const odd = (fields: object) => () => fromMessageEvent({ ...base, ...fields } as SlackMessageEvent, 'Ev7', 'UBOT');
    expect(odd({ text: 123 })).toThrow(new InputError('message event whose text is not a string'));
    for (const files of ['x', [null], [{ mimetype: 5 }], [['image/png']]]) {
      expect(odd({ text: 'a', files })).toThrow(new InputError('message event whose files are not a list of file objects'));
    }
    expect(odd({ text: null, files: [{ id: 'F1' }] })()).toMatchObject({ kind: 'file', text: '[file]' });
  });

  it('refuses, as bad input, a thread_ts that is not a Slack ts', () => {
    for (const thread_ts of [{ ts: '1' }, 1800000000.0001, 'yesterday']) {
      expect(() => fromMessageEvent({ ...base, text: '收到', thread_ts } as unknown as SlackMessageEvent, 'Ev8', 'UBOT')).toThrow(
        new InputError('message event whose thread_ts is not a Slack ts'),
      );
    }
  });

  it("keeps a thread's first message without a parent", () => {
    expect(fromMessageEvent({ ...base, thread_ts: base.ts, text: '请大家打卡' }, 'Ev6', 'UBOT')?.replyTo).toBeNull();
  });
});

describe('fromReaction', () => {
  const reaction = (name: string, itemType = 'message') => ({
    type: 'reaction_added',
    user: 'U2',
    reaction: name,
    item: { type: itemType, channel: 'C01', ts: '1800000000.000100' },
    event_ts: '1800000001.000200',
  });

  it('takes ✅ 👍 👀 in any skin tone and nothing else', () => {
    const names = ['white_check_mark', 'heavy_check_mark', '+1', 'thumbsup::skin-tone-2', 'eyes', 'tada', 'heart', '-1'];
    expect(names.map((n) => fromReaction(reaction(n), 'Ev')?.text ?? null)).toEqual([
      'white_check_mark',
      'heavy_check_mark',
      '+1',
      'thumbsup',
      'eyes',
      null,
      null,
      null,
    ]);
  });

  it('refuses, as bad input, a reaction or reacted message that is not of its type, naming the field', () => {
    const odd =
      (fields: object, item: object = {}) =>
      () =>
        fromReaction({ ...reaction('+1'), ...fields, item: { ...reaction('+1').item, ...item } } as SlackReactionEvent, 'Ev');
    expect(odd({ reaction: 5 })).toThrow(new InputError('reaction_added event whose reaction is not an emoji name'));
    expect(odd({ reaction: undefined })).toThrow(new InputError('reaction_added event whose reaction is not an emoji name'));
    expect(odd({}, { channel: { id: 'C01' } })).toThrow(new InputError('reaction_added event without the channel of its message (item.channel)'));
    expect(odd({}, { ts: 1800000000.0001 })).toThrow(new InputError('reaction_added event without the ts of its message (item.ts)'));
    expect(fromReaction({ ...reaction('+1'), item: 'C01' } as unknown as SlackReactionEvent, 'Ev')).toBeNull();
  });

  it('ignores reactions on files', () => {
    expect(fromReaction(reaction('+1', 'file'), 'Ev')).toBeNull();
  });

  it('names a reaction apart from another on the same message in the same second', () => {
    const a = fromReaction(reaction('+1'), 'Ev');
    const b = fromReaction({ ...reaction('+1'), user: 'U3' }, 'Ev');
    expect(a?.id).not.toBe(b?.id);
    expect(a).toMatchObject({ kind: 'reaction', replyTo: 'C01/1800000000.000100', ts: 1_800_000_001_000 });
  });
});
