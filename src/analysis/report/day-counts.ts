import { dayString, localDay, midnightOfDay } from '../../core/time/zone.js';
import type { DayCount } from './details.js';

/** Messages and demands per local day of a time zone, for the report's chart. */
export class DayCounts {
  private readonly days = new Map<number, DayCount>();
  private cache: { start: number; end: number; day: DayCount } | undefined;

  constructor(private readonly tz: string) {}

  /** The count of the local day holding `ts`, to add to. */
  at(ts: number): DayCount {
    // Records come in time order, so most fall on the same local day as the one before.
    const c = this.cache;
    if (c && ts >= c.start && ts < c.end) return c.day;
    const key = localDay(ts, this.tz);
    let day = this.days.get(key);
    if (!day) this.days.set(key, (day = { date: dayString(key), messages: 0, demands: 0 }));
    this.cache = { start: midnightOfDay(key, this.tz), end: midnightOfDay(key + 1, this.tz), day };
    return day;
  }

  /** Every local day of the period, none left out for having no message. */
  over(period: { from: number; to: number }): DayCount[] {
    const days: DayCount[] = [];
    for (let d = localDay(period.from, this.tz); midnightOfDay(d, this.tz) < period.to; d++) {
      days.push({ date: dayString(d), messages: this.days.get(d)?.messages ?? 0, demands: this.days.get(d)?.demands ?? 0 });
    }
    return days;
  }
}
