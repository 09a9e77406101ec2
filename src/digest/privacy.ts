import type { Pseudonyms } from '../core/pseudonyms.js';
import type { Digest } from './digest.js';

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

/**
 * The digest of a scope whose groups all fold: each of its figures would be theirs alone (the
 * supervisor of one group of 3 would read its totals, trend and senders), so none is kept, not even
 * to render from. Members' leads are no figures, and they were sent to be read.
 */
export function withoutFigures(d: Digest): Digest {
  const { week, timezone, lang, leads } = d;
  return {
    week,
    timezone,
    lang,
    heldBack: true,
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

/** Names for a list of groups with the folded ones merged into one "other" (null), order kept. */
export function shownGroups(groups: readonly (string | null)[]): (string | null)[] {
  return [...new Set(groups)];
}
