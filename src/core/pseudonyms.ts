import type { Person } from './person.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Latin names and ids match whole words only ("Li" must not hit "like"); Chinese names have no spaces to stop at.
const ASCII = /^[\x20-\x7e]+$/;

/**
 * One pattern for all these names and ids, longest first (so "Li Wei" wins over "Li"); null for none.
 * Names shorter than two characters are left out: "我" or "A" would wipe ordinary words.
 */
export function namePattern(terms: readonly string[]): RegExp | null {
  const kept = terms.filter((t) => [...t].length >= 2).sort((a, b) => b.length - a.length);
  const parts = kept.map((t) => (ASCII.test(t) ? `(?<![\\p{L}\\p{N}_])${escape(t)}(?![\\p{L}\\p{N}_])` : escape(t)));
  return parts.length > 0 ? new RegExp(parts.join('|'), 'giu') : null;
}

/**
 * Stable pseudonyms for the people a text may name: each person gets "Member N" (or `prefix` N, 成员N
 * for Chinese readers) in order of first need, the same wherever they appear, and every name or id of
 * theirs in a text is replaced by it. Used by the audit's evidence bundle and the digest's examples.
 */
export class Pseudonyms {
  private readonly owner = new Map<string, string>(); // lower-cased name or id → person id
  private readonly labels = new Map<string, string>();
  private readonly pattern: RegExp | null;

  constructor(
    people: Person[],
    private readonly prefix = 'Member ',
  ) {
    const terms: string[] = [];
    for (const p of people) {
      for (const term of [p.id, ...p.names]) {
        const key = term.toLowerCase();
        if ([...term].length < 2 || this.owner.has(key)) continue;
        this.owner.set(key, p.id);
        terms.push(term);
      }
    }
    this.pattern = namePattern(terms);
  }

  /** The pseudonym of a person by id. */
  label(id: string): string {
    let label = this.labels.get(id);
    if (!label) this.labels.set(id, (label = `${this.prefix}${this.labels.size + 1}`));
    return label;
  }

  /** The text with every known name and id replaced by its owner's pseudonym. */
  scrub(text: string): string {
    if (!this.pattern) return text;
    return text.replace(this.pattern, (m) => this.label(this.owner.get(m.toLowerCase())!));
  }
}
