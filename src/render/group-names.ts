import type { Report } from '../analysis/report/report.js';

/** A group's name as the report knows it (its id where it has none), for derived findings that list ids. */
export function groupNamer(report: Report): (id: string) => string {
  const names = new Map(report.groups.map((g) => [g.id, g.name]));
  return (id) => names.get(id) || id;
}
