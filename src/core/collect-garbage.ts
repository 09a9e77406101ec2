import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Collections this close together are one: a digest builds a report per trend week and supervisor. */
const AT_MOST_EVERY_MS = 60_000;

let gc: (() => void) | undefined;
let last = -Infinity;

/**
 * Collects garbage now, fully, unless it did so in the last minute. A report allocates columns for
 * every demand of its week; in a bot that has just taken a burst of messages, V8's heap still holds
 * the burst's garbage, and the columns grow the process past it instead of reusing its room (README,
 * Measured). A full collection stops the bot for a moment (tens to hundreds of ms, by the heap's
 * size), so the reports of one digest run pay it once: timed by a clock that a change of the
 * system's time does not move. Node offers `gc` only behind a flag; a
 * context made after the flag is set has it, and the program's own context stays as it was.
 */
export function collectGarbage(now = performance.now()): void {
  if (now - last < AT_MOST_EVERY_MS) return;
  last = now;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
