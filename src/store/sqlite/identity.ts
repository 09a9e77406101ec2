import { InputError } from '../../core/errors.js';
import type { Db } from './db.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations.js';

/**
 * Refuses, before anything is written, a file that is not a fingertip database: another
 * application's SQLite file, or one made by a newer fingertip. An empty file is a new database.
 * The first read is also where SQLite notices random bytes (SQLITE_NOTADB, turned into an InputError).
 * Returns the file's schema version (0 for a new database).
 */
export async function checkIdentity(db: Db): Promise<number> {
  const app = await db.get<{ application_id: number }>('PRAGMA application_id');
  const version = await db.get<{ user_version: number }>('PRAGMA user_version');
  const tables = await db.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'");
  const appId = app?.application_id ?? 0;
  const userVersion = version?.user_version ?? 0;
  if (appId === APPLICATION_ID) {
    if (userVersion > MIGRATIONS.length) {
      throw new InputError(
        `${db.path}: made by a newer fingertip (schema version ${userVersion}, this one knows up to ${MIGRATIONS.length}); upgrade fingertip`,
      );
    }
    return userVersion;
  }
  if (appId === 0 && userVersion === 0 && (tables?.n ?? 0) === 0) return 0;
  throw new InputError(
    `${db.path}: not a fingertip database (a SQLite database of another application: ${tables?.n ?? 0} tables, application_id ${appId}); choose another file with db: or FINGERTIP_DB`,
  );
}
