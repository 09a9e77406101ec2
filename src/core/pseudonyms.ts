import { HiddenNameFinder, type HiddenNames, type KnownNames } from './hidden-names.js';
import { foldCase, NameMatcher } from './name-matcher.js';
import type { Lang } from './lang.js';
import type { Person } from './person.js';
import type { Replacement } from './replaced-spans.js';

/** What a pseudonym is called for readers of each language: 成员1, Member 1. */
export const PSEUDONYM_PREFIX: Record<Lang, string> = { zh: '成员', en: 'Member ' };

/**
 * Stable pseudonyms for the people a text may name: each person gets "Member N" (or `prefix` N, 成员N
 * for Chinese readers) in order of first need, the same wherever they appear, and every name or id of
 * theirs in a text is replaced by it. Used by the audit's evidence bundle and the digest's examples.
 */
export class Pseudonyms {
  private readonly owner = new Map<string, string>(); // name or id, case folded as the matcher folds it → person id
  private readonly labels = new Map<string, string>();
  private readonly names: NameMatcher;
  private readonly hidden: HiddenNameFinder;
  private readonly asWritten: KnownNames;
  /**
   * How far from a place of a text what decides a name there can lie: the longest name, hidden or
   * known, and the two code units either side that say whether it stands alone (or the @ of a
   * mention). A piece of a text hidden with this much more of it on either side shows no hidden
   * name cut by its edges, nor half of one.
   */
  readonly reach: number;

  /** `hidden`: the names known only as hashes (those who opted out or were forgotten), each owner a person. */
  constructor(
    people: Person[],
    private readonly prefix = 'Member ',
    hidden: HiddenNames = { salt: Buffer.alloc(0), names: [] },
  ) {
    this.hidden = new HiddenNameFinder(hidden);
    const terms: string[] = [];
    for (const p of people) {
      for (const term of [p.id, ...p.names]) {
        const key = foldCase(term);
        if (term === '' || this.owner.has(key)) continue;
        this.owner.set(key, p.id);
        terms.push(term);
      }
    }
    this.names = new NameMatcher(terms);
    this.reach = terms.reduce((most, t) => Math.max(most, t.length), this.hidden.longest) + 2;
    // Passed over whole in the one scan that finds hidden names, so that 张三丰 is not 张三 and 丰.
    this.asWritten = { lengthAt: (text, i) => this.names.lengthAt(text, i), shown: (name) => name };
  }

  /** The pseudonym of a person by id. */
  label(id: string): string {
    let label = this.labels.get(id);
    if (!label) this.labels.set(id, (label = `${this.prefix}${this.labels.size + 1}`));
    return label;
  }

  /**
   * The text with every known name and id replaced by its owner's pseudonym; with `upTo`, only its
   * start, at least that many code units of it, since hidden names cost a hash per place and length.
   * `found` is told where each name was and what replaced it (HiddenNameFinder.replace).
   */
  scrub(text: string, upTo = Infinity, found?: Replacement[]): string {
    const byLabel = { ...this.asWritten, shown: (name: string) => this.label(this.owner.get(foldCase(name))!) };
    return this.hidden.replace(text, (owner) => this.hiddenLabel(owner), upTo, byLabel, found);
  }

  /**
   * The text with only the hidden names replaced (those who opted out or were forgotten), the names of
   * others kept: for a group's name ("王小明的工作群"), which may name its other members, as the group calls itself.
   */
  hide(text: string, upTo = Infinity, found?: Replacement[]): string {
    return this.hidden.replace(text, (owner) => this.hiddenLabel(owner), upTo, this.asWritten, found);
  }

  /**
   * `hide` of a whole text, also saying what it replaced where, so that marks on the text (a finding's
   * span) can follow (remapSpan), and where it kept others' names as written, so that a cut keeps them whole.
   */
  hideTracked(text: string): { text: string; replacements: Replacement[]; kept: Replacement[] } {
    const replacements: Replacement[] = [];
    const by = (owner: string, start: number, end: number) => {
      const label = this.hiddenLabel(owner);
      replacements.push({ start, end, length: label.length });
      return label;
    };
    const found: Replacement[] = [];
    const shown = this.hidden.replace(text, by, Infinity, this.asWritten, found);
    const hidden = new Set(replacements.map((r) => r.start));
    return { text: shown, replacements, kept: found.filter((f) => !hidden.has(f.start)) };
  }

  private hiddenLabel(owner: string): string {
    return this.label(`hidden\u0000${owner}`);
  }
}
