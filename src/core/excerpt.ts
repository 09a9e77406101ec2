import { cutText } from './cut-text.js';
import { remapSpan, type Replacement } from './replaced-spans.js';

/**
 * A message's first words on one line (`max` characters and …), to say which message is meant: bot
 * answers, report findings and digest quotes. `scrub` (names to pseudonyms) is asked for only as much
 * of the text as can be shown and a character more, to know that it goes on, since it costs by the
 * length it reads: a text of any length costs what a short one does. `scrub` tells `found` of the
 * names it found (HiddenNameFinder.replace): a name the cut would split goes whole, since half of a
 * known one may be a hidden one (张三丰 cut to 张三) and half of a pseudonym another (成员12 to 成员1).
 */
export function excerpt(text: string, max = 24, scrub: (text: string, upTo: number, found: Replacement[]) => string = (t) => t): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  // Two code units a character mostly; an emoji of several (👨‍👩‍👧 is eight) needs more read.
  for (let upTo = 2 * (max + 2); ; upTo *= 2) {
    const found: Replacement[] = [];
    const start = scrub(flat, upTo, found);
    const shown = cutText(start, max + 1);
    // A start shorter than asked for is the whole text.
    if (shown === start) {
      if (start.length < upTo) return shown;
      continue;
    }
    const cut = shown.length - 1;
    const split = found.map((f) => remapSpan([f.start, f.end], found)).find(([a, b]) => a < cut && cut < b);
    return split ? `${start.slice(0, split[0])}…` : shown;
  }
}
