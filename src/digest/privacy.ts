import type { Pseudonyms } from '../core/pseudonyms.js';
import type { Digest, DigestCategoryLine, HeldBack } from './digest.js';

/** No figure is shown over fewer people than this: smaller groups fold into "other". */
export const MIN_PEOPLE = 5;

/** Whether a group of `members` people is too small to show: it folds into "other". */
export const folded = (members: number): boolean => members < MIN_PEOPLE;

/**
 * How the digest may show a group of `members` people: its name, or null for "other". A member who
 * opted out or was forgotten is not named in it ("王小明的工作群" reads 成员1的工作群), as in a quote.
 */
export function shownGroup(name: string, members: number, names: Pseudonyms): string | null {
  return folded(members) ? null : names.hide(name);
}

/** A group with demands in a week, as privacy reads it: its size, and its members where listed. */
export interface DemandGroup {
  members: number;
  memberIds: readonly string[];
}

/**
 * Whether the figures of a week would be those of a few people: its demands were all in small groups,
 * and these are one group, or fewer than MIN_PEOPLE people between them. Where no list names them,
 * the groups may share every member: the largest group is the fewest they can be.
 */
export function fewPeople(withDemands: readonly DemandGroup[]): boolean {
  if (withDemands.length === 0 || !withDemands.every((g) => folded(g.members))) return false;
  if (withDemands.length === 1) return true;
  const listed = new Set(withDemands.flatMap((g) => g.memberIds)).size;
  return folded(Math.max(listed, ...withDemands.map((g) => g.members)));
}

/**
 * The digest of a scope whose groups all fold ('all-small'): each of its figures would be theirs alone
 * (the supervisor of one group of 3 would read its totals, trend and senders), so none is kept, not even
 * to render from. Members' leads are no figures, and they were sent to be read.
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
 * The groups of a week whose figures the digest leaves out, of all of its groups (`groups`) and the
 * small ones with demands (`withDemands`): every small group, but those of a shown "other" (2 groups or
 * more and MIN_PEOPLE people between them). Joined into a shown row or line, a few people's figures
 * would be that row less the named group's, or one digest's less another's whose scope lacks them:
 * left out, {large, small} reads as {large} does.
 */
export function leftOut<K>(groups: readonly { key: K; members: number }[], withDemands: readonly (DemandGroup & { key: K })[]): Set<K> {
  const inOther = new Set(fewPeople(withDemands) ? [] : withDemands.map((g) => g.key));
  return new Set(groups.filter((g) => folded(g.members) && !inOther.has(g.key)).map((g) => g.key));
}

/** The digest's order of category lines: by person-minutes, then demands. */
export const heaviestFirst = (a: DigestCategoryLine, b: DigestCategoryLine): number => b.personMinutes - a.personMinutes || b.demands - a.demands;

/**
 * Names for a list of groups, order kept, the folded ones (null) merged into one "other" where the
 * digest shows "other" (`withOther`), else left out, as its figures are (leftOut).
 */
export function shownGroups(groups: readonly (string | null)[], withOther: boolean): (string | null)[] {
  return [...new Set(groups)].filter((g) => g !== null || withOther);
}
