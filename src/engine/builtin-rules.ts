import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
