const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The text in at most `max` characters, its last … where it was cut. A character is what a reader
 * sees as one (👨‍👩‍👧, 🇨🇳, e with an accent): cut by UTF-16 units, an emoji showed half of itself as �.
 */
export function cutText(text: string, max: number): string {
  // A character is at least one unit: a text of no more units than `max` needs no segmenting.
  if (text.length <= max) return text;
  let kept = 0;
  let n = 0;
  for (const { index } of graphemes.segment(text)) {
    if (n === max - 1) kept = index;
    if (n === max) return `${text.slice(0, kept)}…`;
    n++;
  }
  return text;
}

/** Where the character holding code unit `i` of the text starts: a place to cut it (the text's length stays as it is). */
export function graphemeStart(text: string, i: number): number {
  return i >= text.length ? text.length : graphemes.segment(text).containing(Math.max(0, i))!.index;
}
