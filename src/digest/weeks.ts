import { weekOf, weekRange } from '../core/time/iso-week.js';
import { WEEK_MS } from '../core/time/units.js';
import { holdsMessageTimes } from '../core/time/message-time.js';

/** The ISO week that ended last: the week before the one holding `now` in `tz`. */
export function lastCompleteWeek(now: number, tz: string): string {
  return weekOf(weekRange(weekOf(now, tz), tz).from - 1, tz);
}

/** `n` weeks up to and including `week`, oldest first: the digest's trend; fewer where earlier weeks hold no message time (before 2000). */
export function weeksEndingWith(week: string, n: number, tz: string): string[] {
  const weeks = [week];
  let from = weekRange(week, tz).from;
  while (weeks.length < n && holdsMessageTimes(from - WEEK_MS, from)) {
    const prev = weekOf(from - WEEK_MS / 2, tz);
    weeks.unshift(prev);
    from = weekRange(prev, tz).from;
  }
  return weeks;
}
