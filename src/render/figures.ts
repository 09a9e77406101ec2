import type { Report } from '../analysis/report/report.js';
/** Person-minutes as person-hours with one decimal, the unit readers of a report think in. */
export function personHours(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

/** A count or figure with thousands separators: 8123.5 → "8,123.5". */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A group's name as the report knows it (its id where it has none), for derived findings that list ids. */
export function groupNamer(report: Report): (id: string) => string {
  const names = new Map(report.groups.map((g) => [g.id, g.name]));
  return (id) => names.get(id) || id;
}
