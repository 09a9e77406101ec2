import { describe, expect, it } from 'vitest';
import { isAfterHoursDemand } from '../../../src/analysis/derived/after-hours.js';
import { extractDeadline } from '../../../src/analysis/record/deadline.js';
import type { Category } from '../../../src/core/categories.js';

const hours = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const tz = 'Asia/Shanghai';
const demand = (local: string, text: string, categories: Category[] = ['check-in']) => ({
  ts: Date.parse(`${local}+08:00`),
  deadline: extractDeadline(text),
  categories,
});

describe('isAfterHoursDemand', () => {
  it('counts a demand sent outside work hours', () => {
    expect(isAfterHoursDemand(demand('2026-11-23T21:05:00', '请大家完成打卡'), hours, tz)).toBe(true);
    expect(isAfterHoursDemand(demand('2026-11-21T10:00:00', '请大家完成打卡'), hours, tz)).toBe(true); // Saturday
    expect(isAfterHoursDemand(demand('2026-11-23T08:59:00', '请大家完成打卡'), hours, tz)).toBe(true);
  });

  it('does not count a demand sent in work hours with no deadline or a deadline inside them', () => {
    expect(isAfterHoursDemand(demand('2026-11-23T10:00:00', '请大家完成打卡'), hours, tz)).toBe(false);
    expect(isAfterHoursDemand(demand('2026-11-23T10:00:00', '请于下午五点前完成打卡'), hours, tz)).toBe(false);
    expect(isAfterHoursDemand(demand('2026-11-23T10:00:00', 'fill in the form by 6pm today'), hours, tz)).toBe(false); // the end of the day fits
  });

  it('counts a demand sent in work hours whose deadline forces work outside them', () => {
    expect(isAfterHoursDemand(demand('2026-11-23T10:00:00', '请全体同事今晚十点前完成打卡并截图发群里'), hours, tz)).toBe(true);
    expect(isAfterHoursDemand(demand('2026-11-23T17:00:00', '明早7点前提交'), hours, tz)).toBe(true);
    expect(isAfterHoursDemand(demand('2026-11-23T10:00:00', 'fill in the form by 6:01pm'), hours, tz)).toBe(true);
    expect(isAfterHoursDemand(demand('2026-11-23T10:00:00', 'by 9am tomorrow'), hours, tz)).toBe(true); // the work falls before 9
  });

  it('reads 12 and 0 in the evening as the midnight that ends it, not noon', () => {
    for (const text of ['请大家今晚12点前完成打卡', '请大家晚上十二点前完成打卡', '今晚零点前上报']) {
      expect(extractDeadline(text), text).toBe(24 * 60);
      expect(isAfterHoursDemand(demand('2026-11-24T10:00:00', text), hours, tz), text).toBe(true);
    }
    expect(extractDeadline('中午12点前上报')).toBe(12 * 60);
    expect(extractDeadline('今晚11点前上报')).toBe(23 * 60);
  });

  it('counts a deadline that lands on a day off', () => {
    expect(isAfterHoursDemand(demand('2026-11-27T10:00:00', '明天上午10点前上报'), hours, tz)).toBe(true); // Friday → Saturday
    expect(isAfterHoursDemand(demand('2026-11-26T10:00:00', '明天上午10点前上报'), hours, tz)).toBe(false); // Thursday → Friday
  });

  it('never counts a message that is not a demand', () => {
    expect(isAfterHoursDemand(demand('2026-11-23T23:00:00', '今晚十点前打卡', []), hours, tz)).toBe(false);
  });
});
