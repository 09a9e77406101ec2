const ASCII = /^[\x20-\x7e]+$/;
const WORD_BEFORE = /[\p{L}\p{N}_]$/u;
const WORD_AFTER = /^[\p{L}\p{N}_]/u;

/**
 * Whether text[start, end) can be a name there: a Latin name or id only as a whole word ("Li" must
 * not hit "like"); anything else anywhere, as Chinese names have no spaces to stop at.
 */
export function standsAlone(text: string, start: number, end: number): boolean {
  if (!ASCII.test(text.slice(start, end))) return true;
  return !WORD_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && !WORD_AFTER.test(text.slice(end, end + 2));
}

/**
 * Lower case, one code unit for one: İ, whose lower case is two, stays as it is, so positions hold.
 * Whoever keys names found here (Pseudonyms) keys them the same way.
 */
export function foldCase(s: string): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/**
 * Finds people's names and ids in a text, in any case, the longest where two start at one place ("Li
 * Wei" before "Li"). Names shorter than two characters are left out: "我" or "A" would wipe ordinary
 * words. Terms are looked up by their first two characters, so a deployment's ten thousand members
 * cost a text about as little as ten (one regular expression of them all was too large for V8, and
 * a thousand took 42 ms a text).
 */
export class NameMatcher {
  private readonly byStart = new Map<string, { key: string }[]>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      if ([...term].length < 2) continue;
      const key = foldCase(term);
      const start = key.slice(0, 2);
      let bucket = this.byStart.get(start);
      if (!bucket) this.byStart.set(start, (bucket = []));
      if (!bucket.some((t) => t.key === key)) bucket.push({ key });
    }
    for (const bucket of this.byStart.values()) bucket.sort((a, b) => b.key.length - a.key.length);
  }

  /** The text with each name found replaced by what `by` makes of it. */
  replace(text: string, by: (found: string) => string): string {
    if (this.byStart.size === 0) return text;
    let out = '';
    let last = 0;
    for (let i = 0; i < text.length - 1;) {
      const n = this.matchAt(text, i);
      if (n === 0) {
        i++;
        continue;
      }
      out += text.slice(last, i) + by(text.slice(i, i + n));
      i += n;
      last = i;
    }
    return last === 0 ? text : out + text.slice(last);
  }

  /** The length of the name that starts at `i`, or 0. */
  private matchAt(text: string, i: number): number {
    const bucket = this.byStart.get(foldCase(text.slice(i, i + 2)));
    if (!bucket) return 0;
    for (const { key } of bucket) {
      const end = i + key.length;
      if (foldCase(text.slice(i, end)) !== key) continue;
      if (!standsAlone(text, i, end)) continue;
      return key.length;
    }
    return 0;
  }
}
