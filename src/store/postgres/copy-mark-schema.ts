import type { Sql } from '../sql/sql.js';

/**
 * PostgreSQL's step 9, which SQLite has no counterpart of (a file is never copied into): the mark of
 * a `migrate` into this database (see copy-target.ts). No row: never copied into.
 */
export async function addCopyMark(db: Sql): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS migrate_copy (done BOOLEAN NOT NULL)');
}
