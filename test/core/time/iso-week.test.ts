import { describe, expect, it } from 'vitest';
import { weekOf, weekRange } from '../../../src/core/time/iso-week.js';
import { formatIso } from '../../../src/core/time/format.js';
import { InputError } from '../../../src/core/errors.js';

describe('weekRange', () => {
  it('spans Monday 00:00 to the next Monday in a zone without DST', () => {
    const { from, to } = weekRange('2026-W47', 'Asia/Shanghai');
    expect(formatIso(from, 'Asia/Shanghai')).toBe('2026-11-16T00:00:00+08:00');
    expect(formatIso(to, 'Asia/Shanghai')).toBe('2026-11-23T00:00:00+08:00');
    expect(from).toBe(Date.parse('2026-11-15T16:00:00Z'));
    expect(to - from).toBe(7 * 86_400_000);
  });

  it('is 7 days minus an hour across the spring-forward week in New York', () => {
    // DST starts Sunday 2026-03-08 02:00 local; the week is Monday 2026-03-02 .. Monday 2026-03-09.
    const { from, to } = weekRange('2026-W10', 'America/New_York');
    expect(from).toBe(Date.parse('2026-03-02T05:00:00Z'));
    expect(to).toBe(Date.parse('2026-03-09T04:00:00Z'));
    expect(formatIso(from, 'America/New_York')).toBe('2026-03-02T00:00:00-05:00');
    expect(formatIso(to, 'America/New_York')).toBe('2026-03-09T00:00:00-04:00');
  });

  it('is 7 days plus an hour across the fall-back week in New York', () => {
    // DST ends Sunday 2026-11-01 02:00 local; the week is Monday 2026-10-26 .. Monday 2026-11-02.
    const { from, to } = weekRange('2026-W44', 'America/New_York');
    expect(from).toBe(Date.parse('2026-10-26T04:00:00Z'));
    expect(to).toBe(Date.parse('2026-11-02T05:00:00Z'));
  });

  it('knows week 1 and week 53', () => {
    // 2026-01-01 is a Thursday, so week 1 starts Monday 2025-12-29; 2026 has 53 weeks.
    expect(weekRange('2026-W01', 'UTC').from).toBe(Date.parse('2025-12-29T00:00:00Z'));
    expect(weekRange('2026-W53', 'UTC').from).toBe(Date.parse('2026-12-28T00:00:00Z'));
  });

  it('rejects malformed weeks naming the option', () => {
    for (const bad of ['2026-47', '2026-W00', '2025-W53', 'W47', '2026-W5', '']) {
      expect(() => weekRange(bad, 'UTC', '--week')).toThrow(InputError);
      expect(() => weekRange(bad, 'UTC', '--week')).toThrow(/^--week: /);
    }
  });

  it('takes the weeks holding a day of the years messages are from, 2000 to 2099, whatever year names them', () => {
    // Date.UTC reads the years 0-99 as 1900-1999: 0099-W52 must not be taken for the week of 2000-01-01.
    for (const bad of ['0001-W01', '0050-W10', '0099-W52', '1969-W10', '1999-W51', '2100-W01', '9999-W52'])
      expect(() => weekRange(bad, 'UTC'), bad).toThrow(/holds no day of 2000–2099/);
    // 1999-W52 holds 2000-01-01 and 02, which no other week does; 2099-W53 the last four days of 2099.
    expect(weekRange('1999-W52', 'Asia/Shanghai')).toEqual({ from: Date.parse('1999-12-27T00:00:00+08:00'), to: Date.parse('2000-01-03T00:00:00+08:00') });
    expect(weekRange('2099-W53', 'Asia/Shanghai')).toEqual({ from: Date.parse('2099-12-28T00:00:00+08:00'), to: Date.parse('2100-01-04T00:00:00+08:00') });
    expect(weekRange('2000-W01', 'UTC').from).toBe(Date.parse('2000-01-03T00:00:00Z'));
  });
});

describe('weekOf', () => {
  it('uses the local date, not UTC', () => {
    // Sunday 2026-11-22 20:00 UTC is already Monday 04:00 in Shanghai.
    const ts = Date.parse('2026-11-22T20:00:00Z');
    expect(weekOf(ts, 'Asia/Shanghai')).toBe('2026-W48');
    expect(weekOf(ts, 'UTC')).toBe('2026-W47');
  });

  it('puts early January days into the previous ISO year when they belong there', () => {
    expect(weekOf(Date.parse('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekOf(Date.parse('2025-12-30T12:00:00Z'), 'UTC')).toBe('2026-W01');
  });

  it('round-trips with weekRange in a DST zone', () => {
    const { from, to } = weekRange('2026-W10', 'America/New_York');
    expect(weekOf(from, 'America/New_York')).toBe('2026-W10');
    expect(weekOf(to - 1, 'America/New_York')).toBe('2026-W10');
    expect(weekOf(to, 'America/New_York')).toBe('2026-W11');
  });
});
