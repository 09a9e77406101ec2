import { describe, expect, it } from 'vitest';
import { SeenMessages } from '../../src/audit/seen-messages.js';

describe('SeenMessages', () => {
  it('says a message is new once per platform, group and id', () => {
    const seen = new SeenMessages();
    const add = (platform: string, group: string, id: string) => seen.add(platform, group, id, '请填表', 1795439100000, 0);
    expect(add('slack', 'C1', 'C1/1.0')).toBe('new');
    expect(add('slack', 'C1', 'C1/1.0')).toBe('again');
    expect(add('jsonl', 'C1', 'C1/1.0')).toBe('new');
    expect(add('slack', 'C1', 'C1/1.00')).toBe('new');
    // Ids some exports make up are unique only within their chat.
    expect(add('slack', 'C2', 'C1/1.0')).toBe('new');
  });

  it('names the export that first read a key whose text or time differs now', () => {
    const seen = new SeenMessages();
    expect(seen.add('jsonl', 'g', '1', '请填表', 1000, 3)).toBe('new');
    expect(seen.add('jsonl', 'g', '1', '请填表', 1000, 5)).toBe('again');
    expect(seen.add('jsonl', 'g', '1', '请打卡', 1000, 5)).toEqual({ first: 3 });
    expect(seen.add('jsonl', 'g', '1', '请填表', 2000, 6)).toEqual({ first: 3 });
  });

  it('knows again every text and time a key was read with, not only the first', () => {
    const seen = new SeenMessages();
    expect(seen.add('jsonl', 'g', 'm1', '请今晚十点前打卡', 1000, 0)).toBe('new');
    expect(seen.add('jsonl', 'g', 'm1', '请今晚十一点前打卡', 1000, 1)).toEqual({ first: 0 });
    // The second file given again: its message was read before, as it is.
    expect(seen.add('jsonl', 'g', 'm1', '请今晚十一点前打卡', 1000, 2)).toBe('again');
    expect(seen.add('jsonl', 'g', 'm1', '好的', 1000, 2)).toEqual({ first: 0 });
    expect(seen.add('jsonl', 'g', 'm1', '好的', 1000, 2)).toBe('again');
  });

  it('remembers every message as its table grows', () => {
    const seen = new SeenMessages();
    const n = 200_000;
    let fresh = 0;
    for (let i = 0; i < n; i++) if (seen.add('t', 'g', `m${i}`, `text ${i}`, i, i) === 'new') fresh++;
    let again = 0;
    let clashes = 0;
    for (let i = 0; i < n; i++) if (seen.add('t', 'g', `m${i}`, `text ${i}`, i, 0) === 'again') again++;
    for (let i = 0; i < n; i += 1000) {
      const s = seen.add('t', 'g', `m${i}`, 'other', i, 0);
      if (typeof s === 'object' && s.first === i) clashes++;
    }
    expect([fresh, again, clashes]).toEqual([n, n, n / 1000]);
  });
});
