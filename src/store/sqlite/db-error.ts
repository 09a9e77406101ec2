import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, WorkError } from '../../core/errors.js';
import { readOnlyError } from './read-only.js';

/** SQLite's error as node-sqlite3 reports it: `code` is the primary result code's name. */
interface SqliteError extends Error {
  code?: string;
}

/**
 * Turns a SQLite error into one a user can act on, naming the database file: a file that is not a
 * database, or is damaged, or cannot be opened or written (its folder named when that is the cause) is bad input (exit 2); a lock held too long or a full
 * disk (called that whether SQLite says full or I/O error) is a failure of the work (exit 1).
 * Anything else keeps its SQLite message behind the path.
 */
export function dbError(path: string, err: unknown, busyTimeoutMs: number): Error {
  if (err instanceof InputError || err instanceof WorkError) return err;
  const e = err as SqliteError;
  const detail = e?.message?.replace(/^SQLITE_[A-Z]+: /, '') ?? String(err);
  // A full disk fails a sync, a truncation or the WAL index as an I/O error rather than SQLITE_FULL;
  // what is left on the file system tells the two apart.
  if (e?.code === 'SQLITE_FULL' || (e?.code === 'SQLITE_IOERR' && freeBytes(path) < NEARLY_FULL_BYTES)) {
    return new WorkError(`${path}: the disk is full; nothing more can be stored until space is freed`);
  }
  switch (e?.code) {
    case 'SQLITE_NOTADB':
      return new InputError(`${path}: not a SQLite database (the file is corrupted or is some other kind of file)`);
    case 'SQLITE_CORRUPT':
      return corruptError(path, detail);
    case 'SQLITE_CANTOPEN':
      return new InputError(`${path}: cannot open the database file (${detail})`);
    case 'SQLITE_READONLY':
      return new InputError(readOnlyError(path, detail));
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new WorkError(`${path}: the database is locked by another process (still locked after ${busyTimeoutMs} ms); is another fingertip using it?`);
    default:
      return new WorkError(`${path}: ${e?.code ? `${e.code}: ` : ''}${detail}`);
  }
}

/** Less free space than a few batches of WAL: a write that failed there failed for want of room. */
const NEARLY_FULL_BYTES = 64 * 1024 * 1024;

function freeBytes(path: string): number {
  try {
    const fs = statfsSync(dirname(path));
    return fs.bavail * fs.bsize;
  } catch {
    return Infinity; // unknown: not called full
  }
}

/** A damaged database file: bad input (exit 2), with what SQLite found wrong. */
export function corruptError(path: string, detail: string): InputError {
  return new InputError(`${path}: the database file is corrupted (${detail}); restore it from a backup or move it away`);
}
