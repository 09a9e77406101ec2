import { cutText } from './cut-text.js';

/**
 * A message's first words on one line (`max` characters and …), to say which message is meant: bot
 * answers, report findings and digest quotes. `scrub` (names to pseudonyms) is asked for only as much
 * of the text as can be shown and a character more, to know that it goes on, since it costs by the
 * length it reads: a text of any length costs what a short one does.
 */
export function excerpt(text: string, max = 24, scrub: (text: string, upTo: number) => string = (t) => t): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  // Two code units a character mostly; an emoji of several (👨‍👩‍👧 is eight) needs more read.
  for (let upTo = 2 * (max + 2); ; upTo *= 2) {
    const start = scrub(flat, upTo);
    const shown = cutText(start, max + 1);
    // A start shorter than asked for is the whole text.
    if (shown !== start || start.length < upTo) return shown;
  }
}
