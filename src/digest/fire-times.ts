import cron, { type ScheduledTask } from 'node-cron';
import { InputError } from '../core/errors.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../core/time/units.js';
import { localDay, offsetMs, wallClock } from '../core/time/zone.js';

/** Whether the digest's schedule can run: checked with the configuration, before any adapter starts. */
export const isCronExpression = (expression: string): boolean => cron.validate(expression);

/** How far ahead a firing is looked for, as node-cron looks: 29 February on a Monday may be 28 years away. */
const MAX_DAYS = 366 * 100;
/** Zones change their offset on a quarter hour (see zone.ts): where a skipped hour ends is one of these. */
const SLOT_MS = 15 * MINUTE_MS;

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/**
 * The digest's cron in its zone, fired as cron (Vixie, cronie) fires across daylight saving changes.
 * A fixed-time expression (its minute and hour fields both fixed: `30 2 * * 0`) fires each time it
 * names when the clock first reaches it: a time the clock skips (02:30 on the night it jumps from
 * 02:00 to 03:00) fires right after the change, once however many it skipped, and a time the clock
 * repeats fires the first time only. node-cron's own task tests each time with its matcher, which no
 * skipped local time satisfies: it never fired that day, and the digest came a week late. A wildcard
 * expression (its minute or hour field starts with `*`: `30 * * * 0`) follows the new clock, as
 * cron's wildcard jobs do: a skipped time does not fire, a repeated one fires each time the clock reads it.
 */
export class DigestCron {
  private readonly hours: number[];
  private readonly minutes: number[];
  private readonly seconds: number[];
  /** Whether the minute or hour field starts with `*`, as cron tells its wildcard jobs (MIN_STAR, HR_STAR). */
  private readonly wildcard: boolean;
  /** The expression read in UTC: whether a wall-clock time (epoch ms read in UTC) matches, its day fields included. */
  private readonly wall: ScheduledTask;
  private timer: NodeJS.Timeout | undefined;

  /** An invalid expression is an InputError naming `digest.cron`. */
  constructor(
    expression: string,
    private readonly timezone: string,
    private readonly now: () => number = Date.now,
  ) {
    if (!isCronExpression(expression)) throw new InputError(`digest.cron: invalid cron expression "${expression}"`);
    const f = cron.parse(expression);
    [this.hours, this.minutes, this.seconds] = [ascending(f.hour), ascending(f.minute), ascending(f.second)];
    const fields = expression.trim().split(/\s+/);
    // node-cron takes an optional seconds field first, which cron has not.
    this.wildcard = fields.slice(fields.length - 5, fields.length - 3).some((field) => field.startsWith('*'));
    this.wall = cron.createTask(expression, () => {}, { timezone: 'UTC' });
  }

  /** The first firing after `after`; Infinity when there is none (30 February). */
  next(after: number): number {
    const [h0, m0, s0] = [this.hours[0], this.minutes[0], this.seconds[0]];
    for (let day = localDay(after, this.timezone), last = day + MAX_DAYS; day < last; day++) {
      // The times of day come from the expression: the day fields decide for all of them at once.
      if (!this.wall.match(new Date(day * DAY_MS + ((h0 * 60 + m0) * 60 + s0) * 1000))) continue;
      let first = Infinity;
      for (const h of this.hours)
        for (const m of this.minutes)
          for (const s of this.seconds) {
            const wall = day * DAY_MS + ((h * 60 + m) * 60 + s) * 1000;
            const at = this.wildcard ? this.readings(wall) : [this.reached(wall)];
            // A later time of day is first read later, but a repeated hour's second readings come
            // after the first readings of its later times: the earliest of the day is kept.
            if (at.length > 0 && at[0] > first) return first;
            for (const t of at) if (t > after && t < first) first = t;
          }
      if (first < Infinity) return first;
    }
    return Infinity;
  }

  /** Whether it fired (would have fired) in (from, to]: for catching up on firings missed while down. */
  firedBetween(from: number, to: number): boolean {
    return this.next(from) <= to;
  }

  /**
   * Calls `run` at each firing from now on, until stopped. The clock is looked at hourly at least, so a
   * machine waking from sleep past a firing still runs it, once.
   */
  start(run: () => void): void {
    let due = this.next(this.now());
    const tick = (): void => {
      if (this.now() >= due) {
        due = this.next(this.now());
        run();
      }
      this.timer = setTimeout(tick, Math.min(due - this.now(), HOUR_MS));
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.timer);
    void this.wall.destroy();
  }

  /** `wall` (epoch ms read in UTC) under the zone's offsets a day before and after it, earlier first. */
  private candidates(wall: number): [number, number] {
    const tz = this.timezone;
    const [a, b] = [wall - offsetMs(wall - DAY_MS, tz), wall - offsetMs(wall + DAY_MS, tz)];
    return a <= b ? [a, b] : [b, a];
  }

  /** The instants at which the zone's clock reads `wall`, in order: none where it skips it, two where it repeats it. */
  private readings(wall: number): number[] {
    const [a, b] = this.candidates(wall);
    return (a === b ? [a] : [a, b]).filter((t) => wallClock(t, this.timezone) === wall);
  }

  /** The first instant at which the zone's clock reads `wall` or later. */
  private reached(wall: number): number {
    const [first] = this.readings(wall); // the first of a repeated hour's two
    if (first !== undefined) return first;
    let t = Math.ceil(this.candidates(wall)[0] / SLOT_MS) * SLOT_MS;
    while (wallClock(t, this.timezone) < wall) t += SLOT_MS;
    return t;
  }
}
