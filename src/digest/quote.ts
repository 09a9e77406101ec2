import { cutText } from '../core/cut-text.js';
import type { Pseudonyms } from '../core/pseudonyms.js';

/** Quotes longer than this are cut, so that three examples stay readable on a phone. */
export const QUOTE_MAX = 80;

/**
 * A text as the digest quotes it: on one line, its names scrubbed, cut to QUOTE_MAX characters.
 * Only as much is scrubbed as can be shown and one character more, to know that it goes on, so a
 * lead of any length costs what a short one does.
 */
export function quote(text: string, pseudonyms: Pick<Pseudonyms, 'scrub'>): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  // Two code units a character mostly; an emoji of several (👨‍👩‍👧 is eight) needs more read.
  for (let upTo = 2 * (QUOTE_MAX + 1); ; upTo *= 2) {
    const start = pseudonyms.scrub(flat, upTo);
    const shown = cutText(start, QUOTE_MAX);
    // A start shorter than asked for is the whole text.
    if (shown !== start || start.length < upTo) return shown;
  }
}
