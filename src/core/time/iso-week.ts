import { InputError } from '../errors.js';
import { DAY_MS } from './units.js';
import { localDay, midnightOfDay } from './zone.js';
import { isoWeekdayOfDay } from './local.js';
import { holdsMessageTimes } from './message-time.js';

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Day number of the Monday of ISO week 1 of `year`: the week holding January 4th. */
function week1Monday(year: number): number {
  // Set as a full year: Date.UTC reads 0-99 as 1900-1999, and 0099-W52 would be the week of 2000-01-01.
  const jan4 = new Date(0).setUTCFullYear(year, 0, 4) / DAY_MS;
  return jan4 - (isoWeekdayOfDay(jan4) - 1);
}

function weeksIn(year: number): number {
  return (week1Monday(year + 1) - week1Monday(year)) / 7;
}

/**
 * The ISO week "YYYY-Www" as instants in `tz`: Monday 00:00 local to the next Monday 00:00 (exclusive).
 * A malformed week is an InputError that names `option` (e.g. "--week").
 */
export function weekRange(week: string, tz: string, option = '--week'): { from: number; to: number } {
  const m = WEEK.exec(week);
  const year = m ? Number(m[1]) : 0;
  const n = m ? Number(m[2]) : 0;
  if (!m || n < 1 || n > weeksIn(year)) {
    throw new InputError(`${option}: expected an ISO week such as 2026-W47, got "${week}"`);
  }
  const monday = week1Monday(year) + (n - 1) * 7;
  const range = { from: midnightOfDay(monday, tz), to: midnightOfDay(monday + 7, tz) };
  // Bounded by the days the week holds, not its year's number: 1999-W52 holds 2000-01-01 and 02, and no other week does.
  if (!holdsMessageTimes(range.from, range.to)) throw new InputError(`${option}: ${week} holds no day of 2000–2099, the years messages are from`);
  return range;
}

/** The ISO week "YYYY-Www" holding `ts` in `tz`. */
export function weekOf(ts: number, tz: string): string {
  const day = localDay(ts, tz);
  const thursday = day - isoWeekdayOfDay(day) + 4; // the ISO year is the year of the week's Thursday
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const n = Math.floor((thursday - week1Monday(year)) / 7) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}
