import { DAY_MS, MINUTE_MS } from './units.js';
import { wallClock } from './zone.js';

/** ISO weekday of `ts` in `tz`: 1 = Monday ... 7 = Sunday. */
export function localWeekday(ts: number, tz: string): number {
  return isoWeekdayOfDay(Math.floor(wallClock(ts, tz) / DAY_MS));
}

/** Minutes since local midnight of `ts` in `tz` (0..1439). */
export function localMinutes(ts: number, tz: string): number {
  const wall = wallClock(ts, tz);
  return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** ISO weekday of a day number (1970-01-01, day 0, was a Thursday). */
export function isoWeekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
