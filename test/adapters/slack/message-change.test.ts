import { describe, expect, it } from 'vitest';
import { fromChangeEvent, isChangeEvent, type SlackChangeEvent } from '../../../adapters/slack/message-change.js';

const changed = (message: SlackChangeEvent['message'], previous = 'before'): SlackChangeEvent => ({
  type: 'message',
  subtype: 'message_changed',
  channel: 'C01',
  message,
  previous_message: { text: previous },
});

describe('Slack message_deleted and message_changed events', () => {
  it('tell of a removal or of the new text, by the message id the bot stores', () => {
    expect(isChangeEvent({ subtype: 'message_deleted' })).toBe(true);
    expect(isChangeEvent({ subtype: 'file_share' })).toBe(false);
    expect(fromChangeEvent({ type: 'message', subtype: 'message_deleted', channel: 'C01', deleted_ts: '1800000001.000100' }, 'UBOT')).toEqual({
      removed: 'C01/1800000001.000100',
    });
    expect(fromChangeEvent(changed({ ts: '1800000001.000100', user: 'U1', text: '<@UBOT> 请 <!channel> 打卡 &amp; 截图' }), 'UBOT')).toEqual({
      edited: 'C01/1800000001.000100',
      text: '请 @channel 打卡 & 截图',
    });
    expect(fromChangeEvent(changed({ ts: '1800000001.000100', user: 'U1', text: 'after', edited: { ts: '1800000002.000300' } }), 'UBOT')).toEqual({
      edited: 'C01/1800000001.000100',
      text: 'after',
      editedAt: 1800000002000,
    });
    expect(fromChangeEvent(changed({ ts: '1800000001.000100', subtype: 'tombstone', text: 'This message was deleted.' }), 'UBOT')).toEqual({
      removed: 'C01/1800000001.000100',
    });
  });

  it('leave alone an unchanged text (a link preview, a thread reply) and a bot’s message', () => {
    expect(fromChangeEvent(changed({ ts: '1.2', user: 'U1', text: 'same' }, 'same'), 'UBOT')).toBeNull();
    expect(fromChangeEvent(changed({ ts: '1.2', user: 'UBOT', text: 'new' }), 'UBOT')).toBeNull();
    expect(fromChangeEvent(changed({ ts: '1.2', bot_id: 'B1', text: 'new' }), 'UBOT')).toBeNull();
  });

  it('tell of an edited caption of a file, which is read as text', () => {
    const withFile = { ts: '1.2', user: 'U1', text: '请填好附件的表', files: [{ mimetype: 'text/csv' }] };
    expect(fromChangeEvent(changed(withFile), 'UBOT')).toEqual({ edited: 'C01/1.2', text: '请填好附件的表' });
  });

  it('name what is missing in an event Slack never sends', () => {
    expect(() => fromChangeEvent({ type: 'message', subtype: 'message_deleted', channel: 'C01' }, 'UBOT')).toThrow(
      'message_deleted event without the ts of the message it changes',
    );
    expect(() => fromChangeEvent({ type: 'message', subtype: 'message_changed', channel: 'C01' }, 'UBOT')).toThrow('message_changed event without its message');
    expect(() => fromChangeEvent(changed({ ts: '1.2', user: 'U1', text: 5 }), 'UBOT')).toThrow('message_changed event whose text is not a string');
    expect(() => fromChangeEvent({ type: 'message', subtype: 'message_deleted', deleted_ts: '1.2' }, 'UBOT')).toThrow(
      'message_deleted event without a channel',
    );
  });
});
