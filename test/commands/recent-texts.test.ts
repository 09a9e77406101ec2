import { describe, expect, it } from 'vitest';
import { RecentTexts } from '../../src/commands/recent-texts.js';

const HOUR = 3_600_000;
const msg = (id: string, ts = 0, senderId = 'u1', text = `text ${id}`) => ({ id, senderId, text, ts });

describe('RecentTexts', () => {
  it("finds a group's message by id, or its latest, within a day, with its text as sent", () => {
    const r = new RecentTexts();
    r.remember('slack', 'g1', msg('a', 0, 'u1', '请各位家长\n今晚打卡 ✅ \u0000 and more'));
    r.remember('slack', 'g1', msg('b', HOUR));
    r.remember('slack', 'g2', msg('c', HOUR));
    expect(r.find('slack', 'g1', 2 * HOUR, 'a')).toEqual(msg('a', 0, 'u1', '请各位家长\n今晚打卡 ✅ \u0000 and more'));
    expect(r.find('slack', 'g1', 2 * HOUR)?.id).toBe('b');
    expect(r.find('wechat', 'g1', 2 * HOUR)).toBeUndefined();
    expect(r.find('slack', 'g1', 26 * HOUR, 'b')).toBeUndefined();
  });

  it("holds a group's latest messages up to its bytes, and a bounded number of groups", () => {
    const r = new RecentTexts();
    // 100 messages of 100 Chinese characters: each record is 312 bytes (2 of length, id "m100"…"m199",
    // sender, time and text with three separators), so the group's 8,192 bytes keep the latest 26.
    for (let i = 100; i < 200; i++) r.remember('slack', 'g', msg(`m${i}`, 0, 'u1', '字'.repeat(100)));
    expect(r.find('slack', 'g', 0, 'm173')).toBeUndefined();
    expect(r.find('slack', 'g', 0, 'm174')?.text).toBe('字'.repeat(100));
    expect(r.find('slack', 'g', 0)?.id).toBe('m199');
    for (let g = 0; g < 2000; g++) r.remember('slack', `x${g}`, msg('only'));
    // The least recently active group went first.
    expect(r.find('slack', 'g', 0)).toBeUndefined();
    expect([r.find('slack', 'x0', 0)?.id, r.find('slack', 'x1999', 0)?.id]).toEqual(['only', 'only']);
  });

  it("skips a text longer than a group holds, and drops a forgotten user's texts", () => {
    const r = new RecentTexts();
    r.remember('slack', 'g', msg('a', 0, 'u1'));
    r.remember('slack', 'g', msg('long', 0, 'u2', '字'.repeat(2800)));
    expect([r.find('slack', 'g', 0, 'long'), r.find('slack', 'g', 0)?.id]).toEqual([undefined, 'a']);
    r.remember('slack', 'g', msg('b', 0, 'u2'));
    r.remember('slack', 'g', msg('c', 0, 'u1'));
    r.forget('slack', 'u1');
    expect([r.find('slack', 'g', 0, 'a'), r.find('slack', 'g', 0, 'b')?.id, r.find('slack', 'g', 0)?.id]).toEqual([undefined, 'b', 'b']);
  });

  it('forgetting a user does not make their groups look recently active', () => {
    const r = new RecentTexts();
    for (let g = 0; g < 1999; g++) r.remember('slack', `x${g}`, msg('first', 0, 'u3'));
    r.remember('slack', 'old', msg('a', 0, 'u1'));
    r.remember('slack', 'old', msg('b', 0, 'u2'));
    for (let g = 0; g < 1999; g++) r.remember('slack', `x${g}`, msg('later', 0, 'u3'));
    r.forget('slack', 'u1');
    // One more group: the least recently written, 'old', goes, though forget rewrote it last.
    r.remember('slack', 'new', msg('n'));
    expect([r.find('slack', 'old', 0), r.find('slack', 'x0', 0)?.id]).toEqual([undefined, 'later']);
  });

  it("drops a removed message's text, whichever group holds it, and keeps the group's others", () => {
    const r = new RecentTexts();
    r.remember('slack', 'g1', msg('a'));
    r.remember('slack', 'g2', msg('b'));
    r.remember('slack', 'g2', msg('c'));
    r.remember('wechat', 'g2', msg('b'));
    r.drop('slack', 'b');
    expect([r.find('slack', 'g2', 0, 'b'), r.find('slack', 'g2', 0, 'c')?.id, r.find('slack', 'g1', 0)?.id]).toEqual([undefined, 'c', 'a']);
    expect(r.find('wechat', 'g2', 0, 'b')?.id).toBe('b');
  });
});
