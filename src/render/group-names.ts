import type { Report } from '../analysis/report/report.js';
import type { Pseudonyms } from '../core/pseudonyms.js';

/** A group's name as the report knows it (its id where it has none), for derived findings that list ids. */
export function groupNamer(report: Report): (id: string) => string {
  const names = new Map(report.groups.map((g) => [g.id, g.name]));
  return (id) => names.get(id) || id;
}

/**
 * The id to print beside a group's name, if any. An id can hold a member's name as the name does (the
 * shell adapter's id is the group's name: 王小明的工作群), so hidden names are hidden in it too; none
 * where it then reads as the name.
 */
export function shownGroupId(group: { id: string; name: string }, pseudonyms: Pseudonyms | undefined): string | undefined {
  const id = pseudonyms ? pseudonyms.hide(group.id) : group.id;
  return id === group.name ? undefined : id;
}
