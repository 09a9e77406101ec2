import { DAY_MS, MINUTE_MS } from './units.js';

/**
 * Time-zone arithmetic on Intl alone. Offsets are looked up once per 15-minute UTC slot and cached:
 * every zone in use changes its offset on a quarter hour, and reports ask for the local time of
 * millions of messages that fall into a few hundred slots.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

const SLOT_MS = 15 * MINUTE_MS;

function formatFor(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(tz, f);
  }
  return f;
}

/** The offset at `ts`, a whole second (slot starts are). */
function computeOffset(ts: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of formatFor(tz).formatToParts(ts)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ts;
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in `tz` (+8 h for Asia/Shanghai). */
export function offsetMs(ts: number, tz: string): number {
  let cache = offsets.get(tz);
  if (!cache) offsets.set(tz, (cache = new Map()));
  const slot = Math.floor(ts / SLOT_MS);
  let off = cache.get(slot);
  if (off === undefined) cache.set(slot, (off = computeOffset(slot * SLOT_MS, tz)));
  return off;
}

/** The wall-clock time of `ts` in `tz`, as epoch ms read in UTC: use getUTC* on it, never local getters. */
export function wallClock(ts: number, tz: string): number {
  return ts + offsetMs(ts, tz);
}

/** The instant whose wall-clock time in `tz` is `wall` (epoch ms read in UTC); after a DST gap, the later reading. */
export function fromWallClock(wall: number, tz: string): number {
  const first = wall - offsetMs(wall, tz);
  return wall - offsetMs(first, tz);
}

/** Local calendar day number (days since 1970-01-01 in `tz`) of an instant. */
export function localDay(ts: number, tz: string): number {
  return Math.floor(wallClock(ts, tz) / DAY_MS);
}

/** The instant of local midnight starting day number `day` in `tz`. */
export function midnightOfDay(day: number, tz: string): number {
  return fromWallClock(day * DAY_MS, tz);
}

/** "YYYY-MM-DD" of a local day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
