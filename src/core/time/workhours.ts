import type { WorkHours } from '../config.js';
import { localMinutes, localWeekday } from './local.js';

/** "HH:MM" to minutes since midnight; the config validator has already checked the form. */
export function hhmmToMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Work hours as the numbers the hot path compares against. */
interface WorkWindow {
  start: number;
  end: number;
  days: ReadonlySet<number>;
}

// Parsed once per config object: isWorkTime runs once per message.
const windows = new WeakMap<WorkHours, WorkWindow>();

function windowOf(w: WorkHours): WorkWindow {
  let win = windows.get(w);
  if (!win) windows.set(w, (win = { start: hhmmToMinutes(w.start), end: hhmmToMinutes(w.end), days: new Set(w.days) }));
  return win;
}

/** Whether a local ISO weekday and minute of the day fall in work hours: start inclusive, end exclusive. */
export function inWorkHours(weekday: number, minutes: number, workhours: WorkHours): boolean {
  const win = windowOf(workhours);
  return win.days.has(weekday) && minutes >= win.start && minutes < win.end;
}

/** Whether the instant `ts` is inside work hours in `tz`. */
export function isWorkTime(ts: number, workhours: WorkHours, tz: string): boolean {
  return inWorkHours(localWeekday(ts, tz), localMinutes(ts, tz), workhours);
}
