import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUILTIN_RULES_DIR } from './builtin-rules.js';

/** A file of the rule checks' cache, kept in the package's node_modules/.cache as build tools keep theirs. */
export const cacheFile = (name: string): string => join(dirname(BUILTIN_RULES_DIR), 'node_modules', '.cache', 'fingertip', name);

/** What was cached in `file`, or undefined when there is none yet or it cannot be read (then checked afresh). */
export function readCache(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Caches `value` in `file`, written aside then renamed: processes loading rules at once (test workers) never read half a file. */
export function writeCache(file: string, value: unknown): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // A read-only install only loses the speed-up.
  }
}
