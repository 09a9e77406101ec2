import { describe, expect, it } from 'vitest';
import { RecentTexts } from '../../src/commands/recent-texts.js';

const HOUR = 3_600_000;
const msg = (id: string, ts = 0, senderId = 'u1', text = `text ${id}`) => ({ id, senderId, text, ts });

describe('RecentTexts', () => {
  it("finds a group's message by id, or its latest, within a day", () => {
    const r = new RecentTexts();
    r.remember('slack', 'g1', msg('a', 0));
    r.remember('slack', 'g1', msg('b', HOUR));
    r.remember('slack', 'g2', msg('c', HOUR));
    expect(r.find('slack', 'g1', 2 * HOUR, 'a')?.text).toBe('text a');
    expect(r.find('slack', 'g1', 2 * HOUR)?.id).toBe('b');
    expect(r.find('wechat', 'g1', 2 * HOUR)).toBeUndefined();
    expect(r.find('slack', 'g1', 26 * HOUR, 'b')).toBeUndefined();
  });

  it('holds a bounded number of messages per group and of groups', () => {
    const r = new RecentTexts();
    for (let i = 0; i < 25; i++) r.remember('slack', 'g', msg(`m${i}`));
    expect(r.find('slack', 'g', 0, 'm4')).toBeUndefined();
    expect(r.find('slack', 'g', 0, 'm5')?.id).toBe('m5');
    for (let g = 0; g < 2001; g++) r.remember('slack', `x${g}`, msg('only'));
    // The least recently active group went first.
    expect(r.find('slack', 'g', 0)).toBeUndefined();
    expect(r.find('slack', 'x2000', 0)?.id).toBe('only');
  });

  it("skips texts too long to be a chat message, and drops a forgotten user's texts", () => {
    const r = new RecentTexts();
    r.remember('slack', 'g', msg('long', 0, 'u1', 'x'.repeat(4001)));
    expect(r.find('slack', 'g', 0, 'long')).toBeUndefined();
    r.remember('slack', 'g', msg('a', 0, 'u1'));
    r.remember('slack', 'g', msg('b', 0, 'u2'));
    r.forget('slack', 'u1');
    expect([r.find('slack', 'g', 0, 'a'), r.find('slack', 'g', 0, 'b')?.id]).toEqual([undefined, 'b']);
  });
});
