import { fileURLToPath } from 'node:url';

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * The SQLite file a `db` setting names. A file:// URL stands for its path. Any other URL is refused
 * before anything is opened: taken as a path, "postgres://host/db" would create a folder "postgres:".
 * The message names the scheme only, as the rest of a URL may hold a password.
 */
export function dbPath(value: string, fail: (why: string) => never): string {
  const scheme = URL_SCHEME.exec(value)?.[1].toLowerCase();
  if (scheme === undefined) return value;
  if (scheme !== 'file') return fail(`a ${scheme}:// URL: ${scheme} is not supported yet; give the path of a SQLite file`);
  try {
    return fileURLToPath(value);
  } catch (err) {
    return fail(`not a local file URL (${(err as Error).message})`);
  }
}
