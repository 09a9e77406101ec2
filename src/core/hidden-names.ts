import { createHmac } from 'node:crypto';
import { foldCase, mentionedCharacter, replaceFound, standsAlone } from './name-matcher.js';
import type { Replacement } from './replaced-spans.js';

/**
 * A name or id kept only as a salted hash: someone who opted out or said `forget me` has no name in
 * the store any more, yet others' messages that name them must still not show it. `owner` ties the
 * hashes of one person together (their opt-out hash), `length` is the term's length in code units,
 * or 0 for a name of one character, found only where it is mentioned (@静), as NameMatcher finds one.
 */
export interface HiddenName {
  owner: string;
  hash: string;
  length: number;
}

/** The names of people who are not hidden: the length of one starting at `i` of a text (0 for none), and what to show for one. */
export interface KnownNames {
  lengthAt(text: string, i: number): number;
  shown(name: string): string;
}

/** The hidden names of a store and the salt they are hashed under. */
export interface HiddenNames {
  salt: Buffer;
  names: HiddenName[];
}

/** How a hidden name is hashed, folded as NameMatcher folds it (case, traditional Chinese); a prefix keeps it apart from ids' hashes. */
export function nameHash(salt: Buffer, term: string): string {
  return createHmac('sha256', salt)
    .update(`name\u0000${foldCase(term)}`)
    .digest('hex');
}

/**
 * Finds hidden names in a text by hashing each piece of it as long as some hidden name is, the
 * longest first. A text of n characters costs n hashes for each distinct length (a few µs each), so
 * this reads the few texts a digest quotes, not every message, and only as much of each as is shown.
 */
export class HiddenNameFinder {
  private readonly owners = new Map<string, string>();
  /** Names of one character, found only where mentioned: kept apart, so a piece of text never matches one. */
  private readonly mentionOwners = new Map<string, string>();
  private readonly lengths: number[];
  /** The longest hidden name in code units (one of one character is at most two). */
  readonly longest: number;

  constructor(private readonly hidden: HiddenNames) {
    for (const n of hidden.names) (n.length === 0 ? this.mentionOwners : this.owners).set(n.hash, n.owner);
    this.lengths = [...new Set(hidden.names.filter((n) => n.length >= 2).map((n) => n.length))].sort((a, b) => b - a);
    this.longest = Math.max(this.lengths[0] ?? 0, this.mentionOwners.size > 0 ? 2 : 0);
  }

  /**
   * The text with each hidden name found, text[start, end), replaced by what `by` makes of its owner;
   * with `upTo`, its start (see replaceFound). `known` finds the names of those not hidden, each taken
   * whole, as it says to show it: with 张三 hidden, 张三丰 is not 张三 and 丰, which would say who 张三 is.
   * Where both start, the longer is taken, a hidden one when as long (an opted-out member's id is both).
   * `found` is told of every name taken, hidden or known, and what it became, so that a cut can keep it whole.
   */
  replace(text: string, by: (owner: string, start: number, end: number) => string, upTo = Infinity, known?: KnownNames, found?: Replacement[]): string {
    if (this.lengths.length === 0 && this.mentionOwners.size === 0 && !known) return text.slice(0, upTo);
    // replaceFound replaces what it found at once, so the owner found last is the one to replace.
    let owner: string | undefined;
    const lengthAt = (i: number): number => {
      const found = this.matchAt(text, i);
      const knownLength = known?.lengthAt(text, i) ?? 0;
      owner = found && found.length >= knownLength ? found.owner : undefined;
      if (owner !== undefined) return found!.length;
      // A hidden name that starts inside the known one and runs past it (Chen Li, then Li Wei, in
      // "Chen Li Wei") would show whole if the known one were taken: it is hidden instead, and the
      // known one shows partly (Chen Member 1), since hiding is what must not fail.
      return knownLength > 0 && this.overrun(text, i, i + knownLength) ? 0 : knownLength;
    };
    const shown = (start: number, end: number): string => {
      const name = owner === undefined ? known!.shown(text.slice(start, end)) : by(owner, start, end);
      found?.push({ start, end, length: name.length });
      return name;
    };
    return replaceFound(text, lengthAt, shown, upTo);
  }

  /** Whether a hidden name starts inside text[start, end), after its start, and ends beyond it. */
  private overrun(text: string, start: number, end: number): boolean {
    for (let j = start + 1; j < end; j++) {
      const found = this.matchAt(text, j);
      if (found && j + found.length > end) return true;
    }
    return false;
  }

  private matchAt(text: string, i: number): { owner: string; length: number } | undefined {
    // No name starts or ends with a space, so such pieces need no hash.
    if (/\s/.test(text[i])) return undefined;
    for (const length of this.lengths) {
      const end = i + length;
      if (end > text.length || /\s/.test(text[end - 1])) continue;
      if (!standsAlone(text, i, end)) continue;
      const owner = this.owners.get(nameHash(this.hidden.salt, text.slice(i, end)));
      if (owner !== undefined) return { owner, length };
    }
    const mentioned = this.mentionOwners.size > 0 ? mentionedCharacter(text, i) : undefined;
    const owner = mentioned === undefined ? undefined : this.mentionOwners.get(nameHash(this.hidden.salt, mentioned));
    return owner === undefined ? undefined : { owner, length: mentioned!.length };
  }
}
