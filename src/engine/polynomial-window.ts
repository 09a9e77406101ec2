import { patternExtent } from './regex-extent.js';

/**
 * A pattern that recheck rates polynomial (its backtracking grows as a power of the text's length)
 * runs only on a slice of the text around each occurrence of its rule's trigger: the trigger, its
 * window either side, and the reach of one match beyond that. The slice's length to the pattern's
 * degree bounds its cost per occurrence, however long the message; the loader refuses a use whose
 * bound exceeds MAX_STEPS.
 */

/** The widest window (within, before or after) a polynomial pattern may be confined to. */
export const MAX_WINDOW_FOR_POLYNOMIAL = 200;

/** How far a match may reach beyond the window and still be seen whole; a longer one is cut there. */
export const MAX_REACH = 200;

/**
 * The most a slice's length to the pattern's degree may come to. /x*x*y/ (degree 3) fails on 464 'x'
 * (464³ ≈ 1e8) in 30-40 ms on the project's machine; the engine tries at most 32 occurrences of a
 * trigger, so such a condition costs one message about a second at the very worst.
 */
export const MAX_STEPS = 1e8;

/** How far past its window the pattern's slice extends on each side. */
export function reachOf(pattern: string): number {
  return Math.min(patternExtent(pattern), MAX_REACH);
}

/** The longest slice a use of the pattern runs on, with the rule's longest trigger term. */
export function sliceLength(triggerLength: number, window: number, reach: number): number {
  return triggerLength + 2 * (window + reach);
}
