import { simplifiedChar } from './simplified.js';

const ASCII = /^[\x20-\x7e]+$/;
const WORD = /^[\p{L}\p{N}_]$/u;
/** Scripts written without spaces: a Latin name runs on into them ("请Tom今天" names Tom). */
const UNSPACED = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;

/**
 * Whether text[start, end) can be a name there: a Latin name or id only as a whole word ("Li" must
 * not hit "like"), though Chinese may touch one with letters; an id of digits never inside a
 * number or beside Chinese (10 in 于10月20日前); anything else anywhere, as Chinese names have no
 * spaces to stop at.
 */
export function standsAlone(text: string, start: number, end: number): boolean {
  const term = text.slice(start, end);
  if (!ASCII.test(term)) return true;
  const lettered = /[A-Za-z]/.test(term);
  const joins = (ch: string) => WORD.test(ch) && !(lettered && UNSPACED.test(ch));
  return !joins([...text.slice(Math.max(0, start - 2), start)].at(-1) ?? '') && !joins([...text.slice(end, end + 2)][0] ?? '');
}

/**
 * The text with what `lengthAt` finds replaced, scanning left to right: at each place, the length of
 * what starts there (0 for nothing), and `by` makes the replacement of text[start, end). With `upTo`,
 * the scan stops once that many code units of the result are made, and only those are returned: a
 * reader who shows the start of a long text pays for that start alone.
 */
export function replaceFound(text: string, lengthAt: (i: number) => number, by: (start: number, end: number) => string, upTo = Infinity): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length;) {
    if (out.length + (i - last) >= upTo) return out + text.slice(last, i);
    const n = lengthAt(i);
    if (n === 0) {
      i++;
      continue;
    }
    out += text.slice(last, i) + by(i, i + n);
    i += n;
    last = i;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The one character mentioned at `i` (after @ or ＠, before no further letter: @静 but not @静怡), or undefined. */
export function mentionedCharacter(text: string, i: number): string | undefined {
  if (i >= text.length || (text[i - 1] !== '@' && text[i - 1] !== '＠')) return undefined;
  const name = String.fromCodePoint(text.codePointAt(i)!);
  return /^[\p{L}\p{N}]/u.test(text.slice(i + name.length, i + name.length + 2)) ? undefined : name;
}

/**
 * Lower case and simplified Chinese (張三 is 张三, whichever script the name or the text is in), one
 * code unit for one: İ, whose lower case is two, stays as it is, so positions hold. Whoever keys
 * names found here (Pseudonyms, hidden names' hashes) keys them the same way.
 */
export function foldCase(s: string): string {
  let out = '';
  for (const ch of s) {
    // Final sigma is the same letter as σ: "Σοφίας" written in capitals is "ΣΟΦΊΑΣ".
    const lower = ch === 'ς' ? 'σ' : ch.toLowerCase();
    out += simplifiedChar(lower.length === ch.length ? lower : ch);
  }
  return out;
}

/**
 * Finds people's names and ids in a text, in any case, the longest where two start at one place ("Li
 * Wei" before "Li"). A name of one character ("静", "🌸", common on WeChat) is found only in a
 * mention (@静): anywhere, "我" or "A" would wipe ordinary words. Terms are looked up by their first two characters and then by length, so a deployment's
 * ten thousand members cost a text about as little as ten, even when all their ids begin alike
 * (Feishu's ou_…): one regular expression of them all was too large for V8, a thousand took 42 ms a
 * text, and a list per first two characters 295 ms a text for ten thousand ou_ ids.
 */
export class NameMatcher {
  /** First two characters → the lengths of the terms starting so (longest first) and the terms. */
  private readonly byStart = new Map<string, { lengths: number[]; keys: Set<string> }>();
  /** Names of one character, found only right after @. */
  private readonly mentionOnly = new Set<string>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      const key = foldCase(term);
      const chars = [...key].length;
      if (chars === 1) this.mentionOnly.add(key);
      if (chars < 2) continue;
      const start = key.slice(0, 2);
      let bucket = this.byStart.get(start);
      if (!bucket) this.byStart.set(start, (bucket = { lengths: [], keys: new Set() }));
      bucket.keys.add(key);
      if (!bucket.lengths.includes(key.length)) bucket.lengths.push(key.length);
    }
    for (const bucket of this.byStart.values()) bucket.lengths.sort((a, b) => b - a);
  }

  /** The length of the name that starts at `i`, or 0. */
  lengthAt(text: string, i: number): number {
    const bucket = this.byStart.get(foldCase(text.slice(i, i + 2)));
    for (const length of bucket?.lengths ?? []) {
      const end = i + length;
      if (end > text.length || !bucket!.keys.has(foldCase(text.slice(i, end)))) continue;
      if (!standsAlone(text, i, end)) continue;
      return length;
    }
    return this.mentionAt(text, i);
  }

  /** The length of a one-character name mentioned at `i`, or 0. */
  private mentionAt(text: string, i: number): number {
    if (this.mentionOnly.size === 0) return 0;
    const name = mentionedCharacter(text, i);
    return name !== undefined && this.mentionOnly.has(foldCase(name)) ? name.length : 0;
  }
}
