import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Collects garbage now, fully. A report allocates columns for every demand of its week; in a bot that
 * has just taken a burst of messages, V8's heap still holds the burst's garbage, and the columns grow
 * the process past it instead of reusing its room (README, Measured). Node offers `gc` only behind a
 * flag; a context made after the flag is set has it, and the program's own context stays as it was.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
