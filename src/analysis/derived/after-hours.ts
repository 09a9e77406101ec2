import type { WorkHours } from '../../core/config.js';
import type { Deadline, ReportRecord } from '../../core/message-record.js';
import { localDay } from '../../core/time/zone.js';
import { isoWeekdayOfDay } from '../../core/time/local.js';
import { inWorkHours, isWorkTime } from '../../core/time/workhours.js';

/**
 * Whether a deadline set by a message sent at `ts` forces work outside work hours. The work it asks
 * for must be done by the minute before the deadline, so "by 18:00" with work hours ending at 18:00 fits,
 * "明早7点前" does not, nor does "明天10点前" sent on a Friday.
 */
export function deadlineOutsideWork(ts: number, deadline: Deadline, workhours: WorkHours, tz: string): boolean {
  const lastMinute = localDay(ts, tz) * 1440 + deadline - 1;
  const day = Math.floor(lastMinute / 1440);
  return !inWorkHours(isoWeekdayOfDay(day), lastMinute - day * 1440, workhours);
}

/**
 * taxonomy.md's `after-hours`: a demand sent outside work hours, or whose deadline forces work
 * outside them. Messages that are not demands never count.
 */
export function isAfterHoursDemand(record: Pick<ReportRecord, 'ts' | 'categories' | 'deadline'>, workhours: WorkHours, tz: string): boolean {
  if (record.categories.length === 0) return false;
  if (!isWorkTime(record.ts, workhours, tz)) return true;
  return record.deadline !== null && deadlineOutsideWork(record.ts, record.deadline, workhours, tz);
}
