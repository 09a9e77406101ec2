import cron, { type ScheduledTask } from 'node-cron';
import { InputError } from '../core/errors.js';
import { DAY_MS } from '../core/time/units.js';
import { fromWallClock, localDay } from '../core/time/zone.js';

/** Whether the digest's schedule can run: checked with the configuration, before any adapter starts. */
export const isCronExpression = (expression: string): boolean => cron.validate(expression);

/** The digest's cron task, not started; an invalid expression is an InputError naming `digest.cron`. */
export function cronTask(expression: string, timezone: string, run: () => Promise<void>): ScheduledTask {
  if (!isCronExpression(expression)) throw new InputError(`digest.cron: invalid cron expression "${expression}"`);
  return cron.createTask(expression, run, { timezone, name: 'fingertip-digest', noOverlap: true });
}

/**
 * Whether the cron fired (would have fired) in (from, to]: its hours, minutes and seconds on each
 * local day of the span, each checked with node-cron's own matcher (which knows the day fields and
 * the zone). node-cron looks only forward from the clock; this looks back for catching up.
 */
export function firedBetween(task: ScheduledTask, timezone: string, from: number, to: number): boolean {
  const f = cron.parse(task.getPattern());
  for (let day = localDay(from, timezone); day <= localDay(to, timezone); day++) {
    for (const h of f.hour)
      for (const m of f.minute)
        for (const s of f.second) {
          const at = fromWallClock(day * DAY_MS + ((h * 60 + m) * 60 + s) * 1000, timezone);
          if (at > from && at <= to && task.match(new Date(at))) return true;
        }
  }
  return false;
}
