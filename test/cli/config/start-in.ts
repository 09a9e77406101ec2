import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * `fingertip start` from the sources in a process of its own, in `cwd`, where a path taken from the
 * wrong folder would land; `input` is its standard input (the shell adapter's lines).
 */
export function startIn(cwd: string, env: Record<string, string>, args: string[], input = '') {
  return spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/ts-loader.mjs'), join(ROOT, 'test/support/fingertip-cli.ts'), 'start', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}
