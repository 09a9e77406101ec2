import type { Normalized } from '../normalize.js';

/**
 * The learned stage reads a message as hashed n-grams of its normalised text (the rules' own
 * normalisation: NFKC, lower case, simplified Chinese). Hashing keeps the model a fixed-size table
 * with no vocabulary to ship; collisions cost a little accuracy, not correctness.
 *
 * - Chinese (and any run of ideographs): characters, bigrams and trigrams, with the run's edges as a
 *   character, so "请…" at the start of a clause differs from "请" inside one.
 * - Latin script: words, word bigrams within a clause, and each word's first five letters (a cheap
 *   stem: "checking"/"checked" share "check").
 * - Digits fold to one digit, so "3点前" and "5点前" are one cue; other symbols (✅, @, ？, 👍) count alone.
 * - Beside the words, the engine adds one feature per named word list of the rule packs that occurred
 *   (`signalFeature`): a list puts many wordings of one cue under one feature, which carries to text
 *   whose exact n-grams the corpus never held (measured on real text in rules/README.md).
 */
export const HASH_BITS = 17;
export const FEATURES = 1 << HASH_BITS;
const MASK = FEATURES - 1;

/** Room for the features of the longest text examined; more are dropped (a notice is far shorter). */
export const MAX_FEATURES = 16_384;

const KIND_CJK1 = 1,
  KIND_CJK2 = 2,
  KIND_CJK3 = 3,
  KIND_WORD = 4,
  KIND_WORD2 = 5,
  KIND_STEM = 6,
  KIND_SYMBOL = 7,
  KIND_SIGNAL = 8;
const EDGE = 0x2; // a clause's edge, as a character of the n-gram

/**
 * The features of one message: hashed ids, each once (where it first occurs in the normalised text).
 * Counted once, a feature weighs the same in "。" and in a line of a thousand: repeated, the sum over
 * the bag grew with the square root of the repeats, and a line of bare punctuation read as a demand.
 */
export interface FeatureBuffer {
  ids: Int32Array;
  from: Int32Array;
  to: Int32Array;
  count: number;
  /** Per feature id, the message (by `gen`, 1–255) it was last added for: one byte, so the table stays in the CPU's cache. */
  stamp: Uint8Array;
  gen: number;
}

export function newFeatureBuffer(size = MAX_FEATURES): FeatureBuffer {
  return { ids: new Int32Array(size), from: new Int32Array(size), to: new Int32Array(size), count: 0, stamp: new Uint8Array(FEATURES), gen: 0 };
}

export const isIdeograph = (u: number) => (u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff);
const isDigit = (u: number) => u >= 0x30 && u <= 0x39;
// Letters of Latin scripts (ASCII, Latin-1 and Latin Extended) and the apostrophe inside a word.
export const isLetter = (u: number) => (u >= 0x61 && u <= 0x7a) || (u >= 0xdf && u <= 0x24f && u !== 0xf7);
const isWordUnit = (u: number) => isLetter(u) || isDigit(u) || u === 0x27 || u === 0x2019;
// What ends a clause for word bigrams: sentence punctuation of both scripts.
const isClauseEnd = (u: number) =>
  u === 0x2e ||
  u === 0x21 ||
  u === 0x3f ||
  u === 0x3b ||
  u === 0x3a ||
  u === 0x2c ||
  u === 0x3002 ||
  u === 0xff01 ||
  u === 0xff1f ||
  u === 0xff1b ||
  u === 0xff1a ||
  u === 0xff0c ||
  u === 0x3001;

/** Murmur3's finaliser: spreads a combined value over all bits before masking. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const step = (h: number, x: number): number => Math.imul(h ^ x, 0x01000193);
const fold = (u: number): number => (isDigit(u) ? 0x30 : u);

function push(buf: FeatureBuffer, h: number, from: number, to: number): void {
  addFeature(buf, fmix(h) & MASK, from, to);
}

/** The feature id of a named rule signal (compile.ts names the term sets). */
export function signalFeature(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = step(h, name.charCodeAt(i));
  return fmix(step(h, KIND_SIGNAL)) & MASK;
}

/** Adds feature `id`, read from normalised units [from, to), unless this message has it already. */
export function addFeature(buf: FeatureBuffer, id: number, from: number, to: number): void {
  if (buf.count >= buf.ids.length) return;
  if (buf.stamp[id] === buf.gen) return;
  buf.stamp[id] = buf.gen;
  buf.ids[buf.count] = id;
  buf.from[buf.count] = from;
  buf.to[buf.count] = to;
  buf.count++;
}

/** Fills `buf` with the features of `nz` (its previous content is dropped). */
export function extractFeatures(nz: Normalized, buf: FeatureBuffer): void {
  buf.count = 0;
  if (++buf.gen === 256) {
    buf.stamp.fill(0);
    buf.gen = 1;
  }
  const u = nz.units;
  const n = nz.length;
  let prevWordHash = 0; // 0: no word before in this clause
  let i = 0;
  while (i < n) {
    const c = u[i];
    if (isIdeograph(c)) {
      let j = i;
      while (j < n && isIdeograph(u[j])) j++;
      cjkRun(u, i, j, buf);
      prevWordHash = 0;
      i = j;
    } else if (isWordUnit(c)) {
      let j = i;
      let h = 0x811c9dc5;
      while (j < n && isWordUnit(u[j])) h = step(h, fold(u[j++]));
      push(buf, step(h, KIND_WORD), i, j);
      if (j - i > 5) {
        let s = 0x811c9dc5;
        for (let k = i; k < i + 5; k++) s = step(s, fold(u[k]));
        push(buf, step(s, KIND_STEM), i, i + 5);
      }
      if (prevWordHash !== 0) push(buf, step(step(prevWordHash, h), KIND_WORD2), i, j);
      prevWordHash = h;
      i = j;
    } else {
      if (c !== 0x20) {
        push(buf, step(step(0x811c9dc5, c), KIND_SYMBOL), i, i + 1);
        if (isClauseEnd(c)) prevWordHash = 0;
      }
      i++;
    }
  }
}

/** Characters, bigrams and trigrams of one run of ideographs, its edges counted as characters. */
function cjkRun(u: Uint16Array, from: number, to: number, buf: FeatureBuffer): void {
  const at = (k: number) => (k < from || k >= to ? EDGE : u[k]);
  for (let k = from - 1; k < to; k++) {
    const a = at(k),
      b = at(k + 1),
      c = at(k + 2);
    if (k >= from) push(buf, step(step(0x811c9dc5, a), KIND_CJK1), k, k + 1);
    push(buf, step(step(step(0x811c9dc5, a), b), KIND_CJK2), Math.max(k, from), Math.min(k + 2, to));
    if (k + 1 < to) push(buf, step(step(step(step(0x811c9dc5, a), b), c), KIND_CJK3), Math.max(k, from), Math.min(k + 3, to));
  }
}
