const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Code units that are a character each and join with no neighbour: printable ASCII, Latin-1 and
 * Latin Extended (not the soft hyphen), general punctuation, CJK punctuation (not its tone marks,
 * U+302A–302F), CJK ideographs and full-width ASCII. Text made of these needs no segmenter, which
 * costs about 15 µs a text: a report quotes every demand, and most are Chinese or ASCII.
 */
function standsAlone(u: number): boolean {
  return (
    (u >= 0x20 && u <= 0x7e) ||
    (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0xa0 && u <= 0x24f && u !== 0xad) ||
    (u >= 0x2010 && u <= 0x2027) ||
    (u >= 0x2030 && u <= 0x205e) ||
    (u >= 0x3000 && u <= 0x3029) ||
    (u >= 0x3030 && u <= 0x303f) ||
    (u >= 0x3400 && u <= 0x4dbf) ||
    (u >= 0xff01 && u <= 0xff5e)
  );
}

/**
 * The text in at most `max` characters, its last … where it was cut. A character is what a reader
 * sees as one (👨‍👩‍👧, 🇨🇳, e with an accent): cut by UTF-16 units, an emoji showed half of itself as �.
 */
export function cutText(text: string, max: number): string {
  // A character is at least one unit: a text of no more units than `max` needs no segmenting.
  if (text.length <= max) return text;
  let simple = 0;
  while (simple <= max && standsAlone(text.charCodeAt(simple))) simple++;
  // The first max + 1 units each a character: there are more than max, and the cut falls between two.
  if (simple > max) return `${text.slice(0, max - 1)}…`;
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
