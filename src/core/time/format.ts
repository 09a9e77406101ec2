import { MINUTE_MS } from './units.js';
import { offsetMs } from './zone.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 with the zone's offset at that instant: "2026-11-16T00:00:00+08:00". */
export function formatIso(ts: number, tz: string): string {
  const off = offsetMs(ts, tz);
  const wall = new Date(ts + off).toISOString().slice(0, 19);
  const mins = Math.round(Math.abs(off) / MINUTE_MS);
  return `${wall}${off < 0 ? '-' : '+'}${pad(Math.floor(mins / 60))}:${pad(mins % 60)}`;
}
