import { describe, expect, it } from 'vitest';
import { dbError } from '../../src/store/sqlite/db-error.js';
import { WorkError } from '../../src/core/errors.js';

// node-sqlite3's errors as it reports them: `code` the primary result code's name.
const sqliteError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

describe('dbError on a full disk', () => {
  it('calls SQLITE_FULL a full disk, naming the file', () => {
    const err = dbError('/data/fingertip.db', sqliteError('SQLITE_FULL', 'database or disk is full'), 5000);
    expect(err).toBeInstanceOf(WorkError);
    expect(err.message).toBe('/data/fingertip.db: the disk is full; nothing more can be stored until space is freed');
  });

  it('calls an I/O error on a file system without free space a full disk', () => {
    // /proc has no free blocks at all: as full as a file system gets.
    const err = dbError('/proc/fingertip.db', sqliteError('SQLITE_IOERR', 'disk I/O error'), 5000);
    expect(err.message).toBe('/proc/fingertip.db: the disk is full; nothing more can be stored until space is freed');
  });

  it('keeps an I/O error where there is room an I/O error', () => {
    const err = dbError(`${process.cwd()}/fingertip.db`, sqliteError('SQLITE_IOERR', 'disk I/O error'), 5000);
    expect(err).toBeInstanceOf(WorkError);
    expect(err.message).toBe(`${process.cwd()}/fingertip.db: SQLITE_IOERR: disk I/O error`);
  });
});
