import OpenCC from 'opencc-js';

/** Traditional Chinese written simplified (統計 → 统计), phrase by phrase. */
export const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const cache = new Map<string, string>();

/**
 * One character (code point) written simplified, in as many code units as it has: the few hundred
 * rare ones whose other form lies in another plane (暐 → 𬀩) stay as they are, so positions hold.
 */
export function simplifiedChar(ch: string): string {
  let simple = cache.get(ch);
  if (simple === undefined) {
    const converted: string = ch.charCodeAt(0) < 0x2e80 ? ch : toSimplified(ch);
    simple = converted.length === ch.length ? converted : ch;
    cache.set(ch, simple);
  }
  return simple;
}

/**
 * The text with each traditional Chinese character written simplified, character for character, so
 * that positions in it are positions in the text (統計 本群 → 统计 本群, for reading commands and names).
 */
export function simplifiedChars(text: string): string {
  let out = '';
  for (const ch of text) out += simplifiedChar(ch);
  return out;
}
