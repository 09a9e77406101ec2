import { InputError } from '../errors.js';
import { DAY_MS } from './units.js';
import { localDay, midnightOfDay } from './zone.js';
import { isoWeekdayOfDay } from './local.js';

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Day number of the Monday of ISO week 1 of `year`: the week holding January 4th. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
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
  // The years messages may be from (message-time.ts): before 2000 no chat was stored, and beyond 2099 no date is a message's.
  if (year < 2000 || year > 2099) throw new InputError(`${option}: ${week} is outside the years 2000–2099 that messages are from`);
  const monday = week1Monday(year) + (n - 1) * 7;
  return { from: midnightOfDay(monday, tz), to: midnightOfDay(monday + 7, tz) };
}

/** The ISO week "YYYY-Www" holding `ts` in `tz`. */
export function weekOf(ts: number, tz: string): string {
  const day = localDay(ts, tz);
  const thursday = day - isoWeekdayOfDay(day) + 4; // the ISO year is the year of the week's Thursday
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const n = Math.floor((thursday - week1Monday(year)) / 7) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}
