import { Db } from '../../src/store/sqlite/db.js';

/**
 * The store's SQLite file seen from a connection of the test's own, as another process would see
 * it: to hold its write lock, so that the store's writes fail for real, and to read what is
 * committed at a given moment.
 */

export interface WriteLock {
  release(): Promise<void>;
}

/**
 * Takes the file's write lock and keeps it, as a second fingertip on the same file would: every
 * write of the store fails with "the database is locked" once its busy timeout has passed.
 */
export async function holdWriteLock(path: string): Promise<WriteLock> {
  const db = await Db.open(path, 0);
  await db.run('BEGIN IMMEDIATE');
  return {
    async release() {
      await db.run('ROLLBACK');
      await db.close();
    },
  };
}

/** Whether message `id` of `platform` is committed to the file now. */
export async function committed(path: string, platform: string, id: string): Promise<boolean> {
  const db = await Db.open(path, 5000);
  try {
    return (await db.get('SELECT 1 AS hit FROM messages WHERE platform = ? AND id = ?', [platform, id])) !== undefined;
  } finally {
    await db.close();
  }
}
