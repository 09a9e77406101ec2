import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a Chromium to drive was found, or why none was: the browser checks need one. */
export type ChromiumLookup = { path: string } | { missing: string };

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** `CHROMIUM_PATH` when set, else `chromium` (or `chromium-browser`) on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  if (env.CHROMIUM_PATH) {
    return isExecutable(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH } : { missing: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file` };
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      if (isExecutable(join(dir, name))) return { path: join(dir, name) };
    }
  }
  return { missing: 'no chromium on PATH and CHROMIUM_PATH is not set (Debian: apt-get install chromium)' };
}

/**
 * The browser for a test file, or undefined after saying why the file's checks are skipped. Under
 * CI a missing browser is an error: CI installs one, so its absence there is a broken set-up.
 */
export function chromiumOrSkip(what: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = findChromium(env);
  if ('path' in found) return found.path;
  if (env.CI === 'true') throw new Error(`${what} needs Chromium under CI: ${found.missing}`);
  process.stderr.write(`skipped: ${what}: ${found.missing}\n`);
  return undefined;
}
