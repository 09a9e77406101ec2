import type { Pseudonyms } from '../core/pseudonyms.js';

/** No figure is shown over fewer people than this: smaller groups fold into "other". */
export const MIN_PEOPLE = 5;

/**
 * How the digest may show a group of `members` people: its name, or null for "other". A member who
 * opted out or was forgotten is not named in it ("王小明的工作群" reads 成员1的工作群), as in a quote.
 */
export function shownGroup(name: string, members: number, names: Pseudonyms): string | null {
  return members >= MIN_PEOPLE ? names.hide(name) : null;
}

/** Names for a list of groups with the folded ones merged into one "other" (null), order kept. */
export function shownGroups(groups: readonly (string | null)[]): (string | null)[] {
  return [...new Set(groups)];
}
