import { normalize } from './normalize.js';

/**
 * A term as written in a rule: literal text, matched on normalised text. Terms that begin or end
 * with a letter or digit match whole words only there; a `*` at either end lifts that boundary
 * ("regist*" also matches "registration").
 */
export interface Term {
  text: string;
  left: boolean;
  right: boolean;
}

const WORDISH = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

// Boundaries make sense for space-separated scripts only; Chinese has no spaces between words.
function needsBoundary(ch: string | undefined): boolean {
  return ch !== undefined && WORDISH.test(ch) && !HAN.test(ch);
}

export function parseTerm(raw: string): Term {
  let s = raw;
  const openLeft = s.startsWith('*');
  const openRight = s.endsWith('*') && s.length > 1;
  if (openLeft) s = s.slice(1);
  if (openRight) s = s.slice(0, -1);
  const text = normalize(s);
  return { text, left: !openLeft && needsBoundary(text[0]), right: !openRight && needsBoundary(text[text.length - 1]) };
}

/** Whether the code unit is part of a word for boundary checks (ASCII letters and digits, Latin letters). */
export function isWordUnit(u: number): boolean {
  return (u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39) || (u >= 0xc0 && u <= 0x24f);
}
