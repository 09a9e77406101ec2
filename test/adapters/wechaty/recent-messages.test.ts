import { describe, expect, it } from 'vitest';
import { RecentMessages } from '../../../adapters/wechaty/recent-messages.js';

const msg = (id: string, room: string | null, text: string, name = '王主任', addressed = false) => ({
  id,
  room,
  senderId: `u-${name}`,
  addressed,
  senderNames: [name],
  quotable: [text],
});

describe('RecentMessages', () => {
  it('finds the latest message a quote refers to, by room, sender name and text', () => {
    const r = new RecentMessages();
    r.add(msg('m1', 'g1', '请上报人数'));
    r.add(msg('m2', 'g2', '请上报人数'));
    r.add(msg('m3', 'g1', '请上报人数'));
    r.add(msg('m4', 'g1', '请上报人数', '李雷'));
    r.add(msg('m5', 'g1', 'stats', '李雷', true));
    expect(r.findQuoted('g1', '王主任', '请上报人数')).toBe('m3');
    expect(r.findQuoted('g1', '韩梅梅', '请上报人数')).toBeUndefined();
    // Only a message addressed to the bot has someone an answer is for.
    expect(r.askerOf('m5')).toBe('u-李雷');
    expect(r.askerOf('m4')).toBeUndefined();
  });

  it('forgets the oldest beyond its bounds', () => {
    const r = new RecentMessages(2, 3);
    for (const id of ['m1', 'm2', 'm3', 'm4']) r.add(msg(id, 'g1', id));
    expect(r.has('m1')).toBe(false);
    expect(r.has('m4')).toBe(true);
    expect(r.findQuoted('g1', '王主任', 'm2')).toBeUndefined();
    expect(r.findQuoted('g1', '王主任', 'm3')).toBe('m3');
  });

  it('forgets a message whose handling failed, in its room too', () => {
    const r = new RecentMessages();
    r.add(msg('m1', 'g1', '请上报人数'));
    r.add(msg('m2', 'g1', '请上报人数'));
    r.forget('m2');
    r.forget('m-unknown');
    expect(r.has('m2')).toBe(false);
    expect(r.findQuoted('g1', '王主任', '请上报人数')).toBe('m1');
  });
});
