import { describe, expect, it } from 'vitest';
import { dayRangeText } from '../../../src/core/time/day-range.js';

describe('dayRangeText', () => {
  it('writes a week as people read it, with the month and year only where they change', () => {
    expect(dayRangeText('2026-12-07', '2026-12-13', 'zh')).toBe('12月7日—13日');
    expect(dayRangeText('2026-11-30', '2026-12-06', 'zh')).toBe('11月30日—12月6日');
    expect(dayRangeText('2026-12-28', '2027-01-03', 'zh')).toBe('2026年12月28日—2027年1月3日');
    expect(dayRangeText('2026-12-07', '2026-12-13', 'en')).toBe('7–13 Dec');
    expect(dayRangeText('2026-11-30', '2026-12-06', 'en')).toBe('30 Nov – 6 Dec');
    expect(dayRangeText('2026-12-28', '2027-01-03', 'en')).toBe('28 Dec 2026 – 3 Jan 2027');
  });
});
