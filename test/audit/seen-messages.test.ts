import { describe, expect, it } from 'vitest';
import { SeenMessages } from '../../src/audit/seen-messages.js';

describe('SeenMessages', () => {
  it('says a message is new once per platform and id', () => {
    const seen = new SeenMessages();
    expect(seen.add('slack', 'C1/1.0')).toBe(true);
    expect(seen.add('slack', 'C1/1.0')).toBe(false);
    expect(seen.add('jsonl', 'C1/1.0')).toBe(true);
    expect(seen.add('slack', 'C1/1.00')).toBe(true);
  });

  it('remembers every message as its table grows', () => {
    const seen = new SeenMessages();
    const n = 200_000;
    let fresh = 0;
    for (let i = 0; i < n; i++) if (seen.add('t', `m${i}`)) fresh++;
    let again = 0;
    for (let i = 0; i < n; i++) if (!seen.add('t', `m${i}`)) again++;
    expect([fresh, again]).toEqual([n, n]);
  });
});
