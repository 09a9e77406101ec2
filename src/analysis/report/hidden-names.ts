import type { Pseudonyms } from '../../core/pseudonyms.js';
import { remapSpan, type Replacement } from '../../core/replaced-spans.js';

/** What hides, in what a report shows, the names of members who opted out or were forgotten: the report's Pseudonyms. */
export type NameHider = Pick<Pseudonyms, 'hide' | 'hideTracked' | 'reach'>;

/** A part of a text as shown: where it lies in the text, what it shows, and the hidden names it replaced (at the text's positions). */
export interface HiddenPart {
  start: number;
  end: number;
  text: string;
  replacements: Replacement[];
}

/**
 * Parts [start, end) of a text (in order, at least twice `hider.reach` apart) with hidden names
 * replaced by pseudonyms, only they read: each with `reach` units more either side, so that a name
 * its edge cuts is found whole, and the part then widens to hold its pseudonym whole rather than show
 * half of either; a known name too (张三丰 cut to 张三 would show the hidden 张三).
 */
export function hiddenParts(text: string, parts: readonly (readonly [number, number])[], hider: NameHider): HiddenPart[] {
  return parts.map(([start, end]) => {
    const from = Math.max(0, start - hider.reach);
    const read = hider.hideTracked(text.slice(from, end + hider.reach));
    const inPart = (found: Replacement[]) =>
      found.map((r) => ({ ...r, start: r.start + from, end: r.end + from })).filter((r) => r.end > start && r.start < end);
    const replacements = inPart(read.replacements);
    const names = [...replacements, ...inPart(read.kept)];
    const first = Math.min(start, ...names.map((r) => r.start));
    const last = Math.max(end, ...names.map((r) => r.end));
    const [a, b] = remapSpan([first - from, last - from], read.replacements);
    return { start: first, end: last, text: read.text.slice(a, b), replacements };
  });
}
