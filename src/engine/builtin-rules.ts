import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shipped rule packs live in `rules/` at the package root. This module runs from `src/` in tests
 * and from `dist/src/` once built, so the root is found by walking up rather than by a fixed depth.
 */
function findRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return join(dir, 'rules');
    const up = dirname(dir);
    if (up === dir) throw new Error('the built-in rules folder was not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const BUILTIN_RULES_DIR = findRulesDir();

/** Whether `file` is one of the shipped rule files: inside the folder, not a sibling whose name begins the same (rules-local/). */
export function isBuiltinRuleFile(file: string): boolean {
  return resolve(file).startsWith(BUILTIN_RULES_DIR + sep);
}
