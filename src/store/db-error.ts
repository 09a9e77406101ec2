import { InputError, WorkError } from '../util/errors.js';

/** SQLite's error as node-sqlite3 reports it: `code` is the primary result code's name. */
interface SqliteError extends Error {
  code?: string;
}

/**
 * Turns a SQLite error into one a user can act on, naming the database file: a file that is not a
 * database, or is damaged, or cannot be opened is bad input (exit 2); a lock held too long or a full
 * disk is a failure of the work (exit 1). Anything else keeps its SQLite message behind the path.
 */
export function dbError(path: string, err: unknown, busyTimeoutMs: number): Error {
  if (err instanceof InputError || err instanceof WorkError) return err;
  const e = err as SqliteError;
  const detail = e?.message?.replace(/^SQLITE_[A-Z]+: /, '') ?? String(err);
  switch (e?.code) {
    case 'SQLITE_NOTADB':
      return new InputError(`${path}: not a SQLite database (the file is corrupted or is some other kind of file)`);
    case 'SQLITE_CORRUPT':
      return new InputError(`${path}: the database file is corrupted (${detail}); restore it from a backup or move it away`);
    case 'SQLITE_CANTOPEN':
      return new InputError(`${path}: cannot open the database file (${detail})`);
    case 'SQLITE_READONLY':
      return new InputError(`${path}: the database file is read-only (${detail})`);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new WorkError(
        `${path}: the database is locked by another process (still locked after ${busyTimeoutMs} ms); is another fingertip using it?`,
      );
    case 'SQLITE_FULL':
      return new WorkError(`${path}: the disk is full; nothing more can be stored`);
    default:
      return new WorkError(`${path}: ${e?.code ? `${e.code}: ` : ''}${detail}`);
  }
}
