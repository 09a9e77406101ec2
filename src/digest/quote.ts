import type { Pseudonyms } from '../core/pseudonyms.js';

/** Quotes longer than this are cut, so that three examples stay readable on a phone. */
export const QUOTE_MAX = 80;

/**
 * A text as the digest quotes it: on one line, its names scrubbed, cut to QUOTE_MAX characters.
 * Only as much is scrubbed as can be shown (two code units a character, and one more to know that
 * it goes on), so a lead of any length costs what a short one does.
 */
export function quote(text: string, pseudonyms: Pick<Pseudonyms, 'scrub'>): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = [...pseudonyms.scrub(flat, 2 * (QUOTE_MAX + 1))];
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join('')}…` : chars.join('');
}
