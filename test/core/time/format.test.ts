import { describe, expect, it } from 'vitest';
import { formatIso } from '../../../src/core/time/format.js';

describe('formatIso', () => {
  it('writes the wall-clock time with the offset in force at that instant', () => {
    const ts = Date.parse('2026-07-01T12:34:56Z');
    expect(formatIso(ts, 'Asia/Shanghai')).toBe('2026-07-01T20:34:56+08:00');
    expect(formatIso(ts, 'America/New_York')).toBe('2026-07-01T08:34:56-04:00');
    expect(formatIso(Date.parse('2026-01-01T12:00:00Z'), 'America/New_York')).toBe('2026-01-01T07:00:00-05:00');
    expect(formatIso(ts, 'UTC')).toBe('2026-07-01T12:34:56+00:00');
  });

  it('handles half-hour and quarter-hour offsets', () => {
    const ts = Date.parse('2026-07-01T00:00:00Z');
    expect(formatIso(ts, 'Asia/Kolkata')).toBe('2026-07-01T05:30:00+05:30');
    expect(formatIso(ts, 'Asia/Kathmandu')).toBe('2026-07-01T05:45:00+05:45');
  });

  it('reads back to the same instant', () => {
    const ts = Date.parse('2026-03-08T07:00:00Z'); // 03:00 EDT, just after the jump
    expect(Date.parse(formatIso(ts, 'America/New_York'))).toBe(ts);
    expect(Date.parse(formatIso(ts - 1000, 'America/New_York'))).toBe(ts - 1000);
  });
});
