import type { Pseudonyms } from '../core/pseudonyms.js';
import type { Config } from '../core/config.js';
import { exactMinutes } from '../core/figures.js';
import type { Category } from '../core/categories.js';
import type { Digest, DigestCategoryLine, DigestGroupRow, HeldBack } from './digest.js';
import { rate } from './rating.js';

type Thresholds = Config['digest']['thresholds'];

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
 * The digest of a scope whose groups all fold ('all-small'), or of a week whose demands were a few
 * people's (`fewPeople`, 'small-demands'): each of its figures would be theirs alone (the supervisor
 * of one group of 3 would read its totals, trend and senders), so none is kept, not even to render
 * from. Members' leads are no figures, and they were sent to be read.
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
 * "Other" whose figures would be a few people's (`fewPeople`: one small group, or fewer than
 * MIN_PEOPLE people between its groups) joins the row of the smallest group shown instead (hr 及 2 个不足
 * 5 人的群), so that no row is theirs alone. `shown`: the rows of groups with demands this week, the only
 * ones whose figures hide it; `inOther`: the groups "other" holds. Where none is shown, the week's
 * figures are theirs alone: `fewPeople` holds them back.
 */
export function joinFewPeopleOther(
  d: Digest,
  shown: readonly { row: DigestGroupRow; members: number }[],
  inOther: readonly DemandGroup[],
  thresholds: Thresholds,
): void {
  const other = d.other;
  if (!other || shown.length === 0 || !fewPeople(inOther)) return;
  const { row } = shown.reduce((a, b) => (b.members < a.members ? b : a));
  row.demands += other.demands;
  row.personMinutes = exactMinutes(row.personMinutes + other.personMinutes);
  row.rating = rate(row.personMinutes, thresholds);
  row.withSmallGroups = other.groups;
  delete d.other;
  d.groups.sort((a, b) => b.personMinutes - a.personMinutes);
}

/**
 * Beside the row "other" joined, a category only its groups had this week would still be their
 * figures: such categories join the line of the lightest category a shown group had too (点赞转发
 * 及其他类别 / likes and shares and other categories), so the lines still add up to the total.
 * `shownCategories`: the categories with demands in the groups shown by name.
 */
export function joinFewPeopleCategories(d: Digest, shownCategories: ReadonlySet<Category>): void {
  if (!d.groups.some((g) => g.withSmallGroups)) return;
  const alone = d.categories.filter((c) => !shownCategories.has(c.category));
  const kept = d.categories.filter((c) => shownCategories.has(c.category));
  if (alone.length === 0) return;
  // Never empty: the row joined is a shown group's with demands, each of some category.
  const line = kept.reduce((a, b) => (b.personMinutes < a.personMinutes ? b : a));
  for (const c of alone) {
    line.demands += c.demands;
    line.personMinutes = exactMinutes(line.personMinutes + c.personMinutes);
  }
  line.withOtherCategories = true;
  d.categories = kept.sort(heaviestFirst);
}

/** The digest's order of category lines: by person-minutes, then demands. */
export const heaviestFirst = (a: DigestCategoryLine, b: DigestCategoryLine): number => b.personMinutes - a.personMinutes || b.demands - a.demands;

/**
 * Names for a list of groups, order kept, the folded ones (null) merged into one "other" where the
 * digest shows "other" (`withOther`), else left out: it joined a row, as it would be a few people.
 */
export function shownGroups(groups: readonly (string | null)[], withOther: boolean): (string | null)[] {
  return [...new Set(groups)].filter((g) => g !== null || withOther);
}
