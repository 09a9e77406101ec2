import { toSimplified } from '../core/simplified.js';

/**
 * Matching runs on a normalised copy of the text: NFKC (full-width letters and digits), lower case,
 * traditional to simplified Chinese, zero-width and bidi controls removed, runs of white space and
 * control characters folded to one space. Spans are mapped back to the original through `start`/`end`.
 */
export interface Normalized {
  /** The normalised text as UTF-16 code units; `length` of them are valid. */
  units: Uint16Array;
  length: number;
  /** For each normalised unit, the start and end (exclusive) of the original code point it came from. */
  start: Int32Array;
  end: Int32Array;
}

// Zero-width and bidi controls and the soft hyphen carry no meaning to a reader: drop them.
function isInvisible(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

const SPACE = 0x20;

/** The normalised form of one code point; "" to drop it, " " for any white space or control. */
function foldCodePoint(cp: number, ch: string): string {
  if (isInvisible(cp)) return '';
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029) return ' ';
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd'; // a lone surrogate: the replacement character, as any decoder would
  let out = ch.normalize('NFKC').toLowerCase();
  if (/\s/.test(out)) out = ' ';
  else out = toSimplified(out);
  return out;
}

// One fold per code point, computed once: the BMP in a dense table, the rest in a map.
const bmpCache: (string | undefined)[] = new Array(0x10000);
/** For BMP code points folding to one code unit: that unit; -1 not yet known; -2 anything else. */
const bmpUnit = new Int32Array(0x10000).fill(-1);
const astralCache = new Map<number, string>();

function fold(cp: number, ch: string): string {
  if (cp < 0x10000) {
    let v = bmpCache[cp];
    if (v === undefined) bmpCache[cp] = v = foldCodePoint(cp, ch);
    return v;
  }
  let v = astralCache.get(cp);
  if (v === undefined) astralCache.set(cp, (v = foldCodePoint(cp, ch)));
  return v;
}

let units = new Uint16Array(1024);
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);

function grow(need: number): void {
  let size = units.length;
  while (size < need) size *= 2;
  const u = new Uint16Array(size);
  u.set(units);
  units = u;
  const s = new Int32Array(size);
  s.set(starts);
  starts = s;
  const e = new Int32Array(size);
  e.set(ends);
  ends = e;
}

// The text of the last call and its result: the engine and the record's hash read the same message
// back to back, so the second reading is free.
let lastText: string | undefined;
let last: Normalized | undefined;

/**
 * Normalises `text` into shared buffers: the result is valid until the next call. The engine
 * classifies one message at a time, so reusing buffers keeps the hot path free of allocation.
 */
export function normalizeInto(text: string): Normalized {
  if (text === lastText) return last!;
  // Forgotten before the buffers are overwritten, so a call that stops part-way leaves no stale hit.
  lastText = undefined;
  const n = text.length;
  if (units.length < n * 2 + 8) grow(n * 2 + 8);
  let len = 0;
  let lastSpace = true; // leading space is dropped
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (cp < 0x80) {
      // ASCII fast path: lower-case letters, fold white space and controls.
      let u = cp;
      if (u >= 0x41 && u <= 0x5a) u += 32;
      else if (u < 0x21 || u === 0x7f) u = SPACE;
      if (u !== SPACE || !lastSpace) {
        units[len] = u;
        starts[len] = i;
        ends[len] = i + 1;
        len++;
        lastSpace = u === SPACE;
      }
    } else if (width === 1 && bmpUnit[cp] >= 0) {
      // Most CJK text: one unit in, one (non-space) unit out, with no string built.
      units[len] = bmpUnit[cp];
      starts[len] = i;
      ends[len] = i + 1;
      len++;
      lastSpace = false;
    } else {
      const out = fold(cp, width === 1 ? text[i] : text.slice(i, i + 2));
      if (width === 1) bmpUnit[cp] = out.length === 1 && out !== ' ' ? out.charCodeAt(0) : -2;
      const m = out.length;
      if (len + m >= units.length) grow(len + m + 8);
      for (let k = 0; k < m; k++) {
        const u = out.charCodeAt(k);
        if (u === SPACE && lastSpace) continue;
        units[len] = u;
        starts[len] = i;
        ends[len] = i + width;
        len++;
        lastSpace = u === SPACE;
      }
    }
    i += width;
  }
  if (len > 0 && units[len - 1] === SPACE) len--;
  lastText = text;
  return (last = { units, length: len, start: starts, end: ends });
}

const utf16 = new TextDecoder('utf-16le');

/** The text of normalised units (native decoding: far cheaper than building it code by code). */
export function unitsToString(nz: Normalized): string {
  return utf16.decode(nz.units.subarray(0, nz.length));
}

/** The normalised text as a string (for hashing, similarity and tests). */
export function normalize(text: string): string {
  return unitsToString(normalizeInto(text));
}
