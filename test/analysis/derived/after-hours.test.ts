import { describe, expect, it } from 'vitest';
import { isAfterHoursDemand } from '../../../src/analysis/derived/after-hours.js';
import { extractDeadline } from '../../../src/analysis/record/deadline.js';
import { storedReport } from '../../../src/analysis/report/from-store.js';
import type { Category } from '../../../src/core/categories.js';
import { localDay } from '../../../src/core/time/zone.js';
import { botHarness } from '../../support/bot-harness.js';

const hours = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const tz = 'Asia/Shanghai';
const demand = (local: string, text: string, categories: Category[] = ['check-in']) => ({
  ts: Date.parse(`${local}+08:00`),
  deadline: extractDeadline(text, localDay(Date.parse(`${local}+08:00`), tz)),
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
      expect(demand('2026-11-24T10:00:00', text).deadline, text).toBe(24 * 60);
      expect(isAfterHoursDemand(demand('2026-11-24T10:00:00', text), hours, tz), text).toBe(true);
    }
    expect(demand('2026-11-24T10:00:00', '中午12点前上报').deadline).toBe(12 * 60);
    expect(demand('2026-11-24T10:00:00', '今晚11点前上报').deadline).toBe(23 * 60);
  });

  it('counts a deadline that lands on a day off', () => {
    expect(isAfterHoursDemand(demand('2026-11-27T10:00:00', '明天上午10点前上报'), hours, tz)).toBe(true); // Friday → Saturday
    expect(isAfterHoursDemand(demand('2026-11-26T10:00:00', '明天上午10点前上报'), hours, tz)).toBe(false); // Thursday → Friday
  });

  it('counts a deadline on a weekday or date off, not one on a working day', () => {
    // Sent on Thursday 26 November 2026 at 10:00; the 28th is a Saturday.
    for (const text of [
      '周六上午10点前交表',
      '本周日晚8点前交表',
      '11月28日（周六）上午9点前交表',
      '28号上午9点前交表',
      'by Saturday 10am',
      'by 9am on Sunday',
    ]) {
      expect(isAfterHoursDemand(demand('2026-11-26T10:00:00', text), hours, tz), text).toBe(true);
    }
    for (const text of ['下周一上午10点前交表', '周五下午5点前交表', '12月1日18:00前交表', 'by next Monday 10am', 'before Dec 1 at 5pm']) {
      expect(isAfterHoursDemand(demand('2026-11-26T10:00:00', text), hours, tz), text).toBe(false);
    }
  });

  it('counts a demand due on Saturday in the report of what the bot stored, and not one due on Monday', async () => {
    const { adapter, store, config } = await botHarness();
    const thursday = Date.parse('2026-11-26T10:00:00+08:00');
    await adapter.say('请全体同事周六上午10点前完成打卡并截图发群里', { ts: thursday });
    await adapter.say('请全体同事下周一上午10点前完成打卡并截图发群里', { ts: thursday + 60_000 });
    await store.flush();
    const report = (await storedReport(store, config, { from: thursday - 3_600_000, to: thursday + 3_600_000 })).build();
    expect(report.demands).toBe(2);
    expect(report.after_hours).toBe(1);
  });

  it('never counts a message that is not a demand', () => {
    expect(isAfterHoursDemand(demand('2026-11-23T23:00:00', '今晚十点前打卡', []), hours, tz)).toBe(false);
  });
});
