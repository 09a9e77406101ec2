/** No figure is shown over fewer people than this: smaller groups fold into "other". */
export const MIN_PEOPLE = 5;

/** How the digest may show a group of `members` people: its name, or null for "other". */
export function shownGroup(name: string, members: number): string | null {
  return members >= MIN_PEOPLE ? name : null;
}

/** Names for a list of groups with the folded ones merged into one "other" (null), order kept. */
export function shownGroups(groups: readonly (string | null)[]): (string | null)[] {
  return [...new Set(groups)];
}
