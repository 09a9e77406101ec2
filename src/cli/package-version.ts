import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../engine/builtin-rules.js';

/** This fingertip's version, from the package.json beside the shipped rules (the package root, from `src/` or `dist/src/`). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(BUILTIN_RULES_DIR, '..', 'package.json'), 'utf8')) as { version: string }).version;
}
