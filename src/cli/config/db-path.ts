import { fileURLToPath } from 'node:url';
import { isPostgresUrl, pgTarget } from '../../store/postgres/target.js';

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * What a `db` setting names: a postgres:// (or postgresql://) URL, checked here and kept as given,
 * or a SQLite file, a file:// URL standing for its path. Any other URL is refused before anything is
 * opened: taken as a path, "mysql://host/db" would create a folder "mysql:". Messages never show a
 * password. `resolve` turns a relative path into the one to open.
 */
export function dbSetting(value: string, fail: (why: string) => never, resolve: (path: string) => string = (p) => p): string {
  if (isPostgresUrl(value)) {
    try {
      pgTarget(value);
    } catch (err) {
      return fail((err as Error).message);
    }
    return value;
  }
  const scheme = URL_SCHEME.exec(value)?.[1].toLowerCase();
  if (scheme === undefined) return resolve(value);
  if (scheme !== 'file') return fail(`a ${scheme}:// URL: ${scheme} is not supported; give a postgres:// URL or the path of a SQLite file`);
  try {
    return resolve(fileURLToPath(value));
  } catch (err) {
    return fail(`not a local file URL (${(err as Error).message})`);
  }
}
