import { describe, expect, it } from 'vitest';
import { isWorkTime } from '../../../src/core/time/workhours.js';
import { localMinutes, localWeekday } from '../../../src/core/time/local.js';

const hours = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const sh = (local: string): number => Date.parse(`${local}+08:00`);

describe('local time', () => {
  it('gives the local weekday and minute of the day', () => {
    const ts = sh('2026-11-22T23:30:00'); // Sunday in Shanghai, Sunday 15:30 UTC
    expect(localWeekday(ts, 'Asia/Shanghai')).toBe(7);
    expect(localMinutes(ts, 'Asia/Shanghai')).toBe(23 * 60 + 30);
    expect(localWeekday(sh('2026-11-23T00:10:00'), 'Asia/Shanghai')).toBe(1);
    expect(localMinutes(Date.parse('2026-11-23T00:10:00Z'), 'America/New_York')).toBe(19 * 60 + 10);
  });
});

describe('isWorkTime', () => {
  it('includes the start minute and excludes the end minute', () => {
    expect(isWorkTime(sh('2026-11-23T08:59:59'), hours, 'Asia/Shanghai')).toBe(false);
    expect(isWorkTime(sh('2026-11-23T09:00:00'), hours, 'Asia/Shanghai')).toBe(true);
    expect(isWorkTime(sh('2026-11-23T17:59:00'), hours, 'Asia/Shanghai')).toBe(true);
    expect(isWorkTime(sh('2026-11-23T18:00:00'), hours, 'Asia/Shanghai')).toBe(false);
  });

  it('is false on days off', () => {
    expect(isWorkTime(sh('2026-11-21T10:00:00'), hours, 'Asia/Shanghai')).toBe(false); // Saturday
    expect(isWorkTime(sh('2026-11-21T10:00:00'), { ...hours, days: [6] }, 'Asia/Shanghai')).toBe(true);
  });

  it('follows the zone, DST included', () => {
    // 13:30 UTC is 09:30 EDT in July but 08:30 EST in January.
    expect(isWorkTime(Date.parse('2026-07-06T13:30:00Z'), hours, 'America/New_York')).toBe(true);
    expect(isWorkTime(Date.parse('2026-01-05T13:30:00Z'), hours, 'America/New_York')).toBe(false);
  });
});
