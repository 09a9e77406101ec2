import { excerpt } from '../core/excerpt.js';
import type { Pseudonyms } from '../core/pseudonyms.js';

/** Quotes longer than this are cut, so that three examples stay readable on a phone. */
export const QUOTE_MAX = 80;

/** A text as the digest quotes it: on one line, its names scrubbed, cut to QUOTE_MAX characters (the … one of them). */
export function quote(text: string, pseudonyms: Pick<Pseudonyms, 'scrub'>): string {
  return excerpt(text, QUOTE_MAX - 1, (flat, upTo, found) => pseudonyms.scrub(flat, upTo, found));
}
