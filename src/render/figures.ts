import type { Report } from '../analysis/report/report.js';
/** Person-minutes as person-hours to one decimal, the unit readers of a report think in, for a chart's scale. */
export function hours(minutes: number): number {
  return Number((minutes / 60).toFixed(1));
}

/** The same as a reader sees it, written as every other figure of the page is: 150060 → "2,501.0". */
export function personHours(minutes: number): string {
  return hours(minutes).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
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
