import type { Pseudonyms } from '../core/pseudonyms.js';
import type { Digest, DigestCategoryLine, HeldBack } from './digest.js';

/** No figure is shown over fewer people than this: smaller groups are left out of every figure. */
export const MIN_PEOPLE = 5;

/** Whether a group of `members` people is too small to show. */
export const tooSmall = (members: number): boolean => members < MIN_PEOPLE;

/**
 * How the digest may show a group of `members` people: its name, or null where it is too small. A member
 * who opted out or was forgotten is not named in it ("王小明的工作群" reads 成员1的工作群), as in a quote.
 */
export function shownGroup(name: string, members: number, names: Pseudonyms): string | null {
  return tooSmall(members) ? null : names.hide(name);
}

/**
 * The digest of a scope whose groups are all too small ('all-small'): each of its figures would be theirs
 * alone (the supervisor of one group of 3 would read its totals, trend and senders), so none is kept, not
 * even to render from. Members' leads are no figures, and they were sent to be read.
 */
export function withoutFigures(d: Digest, why: HeldBack): Digest {
  const { week, timezone, lang, leads } = d;
  return {
    week,
    timezone,
    lang,
    heldBack: why,
    demands: 0,
    personMinutes: 0,
    afterHours: 0,
    categories: [],
    groups: [],
    trend: [],
    duplicates: [],
    ackStorms: [],
    sprawl: [],
    leads,
    examples: [],
    feedback: { corrected: 0, missed: 0, correctedBySender: 0 },
  };
}

/**
 * The groups of a week whose figures the digest leaves out: every small one. Joined into a row or line,
 * even with other small groups, a few people's figures would be that line less the named groups', or
 * one digest's less another's whose scope lacks them: left out, {large, small} reads as {large} does.
 */
export function leftOut<K>(groups: readonly { key: K; members: number }[]): Set<K> {
  return new Set(groups.filter((g) => tooSmall(g.members)).map((g) => g.key));
}

/** The digest's order of category lines: by person-minutes, then demands. */
export const heaviestFirst = (a: DigestCategoryLine, b: DigestCategoryLine): number => b.personMinutes - a.personMinutes || b.demands - a.demands;

/** Names for a list of groups, order kept, without the small ones (null), left out as their figures are. */
export function shownGroups(groups: readonly (string | null)[]): string[] {
  return [...new Set(groups.filter((g) => g !== null))];
}
