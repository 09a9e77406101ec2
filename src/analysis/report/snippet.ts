import { graphemeStart } from '../../core/cut-text.js';

/** A message of up to this many UTF-16 units is shown whole: nearly every chat message is shorter. */
export const SHOWN_WHOLE = 500;
/** Of a longer one: its start, to say what it is about, */
const HEAD = 160;
/** the words either side of each finding, as search results show them, */
const AROUND = 60;
/** each finding's own words up to this many units, */
const SPAN_SHOWN = 200;
/** and no more than this in all: what is shown is read for hidden names, a hash a unit and name length. */
export const SHOWN_MAX = 800;
/** Parts closer than this are shown as one: a … for a few words would spare the reader nothing. */
const JOIN = 20;

/**
 * The parts [start, end) of a message (UTF-16 units) a report shows, in order: the whole of a message
 * of up to SHOWN_WHOLE units; of a longer one (a notice pasted whole, 20,000 characters) its start and
 * the words around `spans` (its findings'), SHOWN_MAX units at most, cut only between characters.
 * Parts less than `apart` units apart are joined, so that what is read around each stays its own.
 */
export function snippetParts(text: string, spans: readonly (readonly [number, number])[], apart = 0): [number, number][] {
  if (text.length <= SHOWN_WHOLE) return [[0, text.length]];
  const at = (i: number) => graphemeStart(text, i);
  const wanted = [[0, HEAD] as const, ...spans.map(([start, end]) => [start - AROUND, Math.min(end, start + SPAN_SHOWN) + AROUND] as const)]
    .map(([start, end]): [number, number] => [at(start), at(end)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const [start, end] of wanted) {
    const last = joined.at(-1);
    if (last && start - last[1] < Math.max(apart, JOIN)) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  const parts: [number, number][] = [];
  let left = SHOWN_MAX;
  for (const [start, end] of joined) {
    if (end - start <= left) {
      parts.push([start, end]);
      left -= end - start;
      continue;
    }
    const cut = at(start + left);
    if (cut > start) parts.push([start, cut]);
    break;
  }
  return parts;
}
