import { copyStore, type TableCopy } from './copy-store.js';
import { openPostgres } from './postgres/open.js';
import { poolDb } from './postgres/pg-db.js';
import { createPool } from './postgres/pool.js';
import { pgTarget } from './postgres/target.js';
import { Db } from './sqlite/db.js';
import { openSqlite } from './sqlite/open.js';
import type { TextReading } from './text-reading.js';

/**
 * Copies a SQLite store into a PostgreSQL database (see copyStore): both are opened as stores first,
 * so each is checked and brought to the newest schema, then their rows are read and written directly.
 * The bot must not write to the SQLite file meanwhile: stop it, copy, then start it on the URL.
 */
export async function migrateToPostgres(path: string, url: string, reading: TextReading): Promise<TableCopy[]> {
  await (await openSqlite(path, reading)).close();
  await (await openPostgres(url)).close();
  const target = pgTarget(url);
  const source = await Db.open(path, 5000);
  const pool = createPool(target);
  try {
    return await copyStore(source, poolDb(target, pool), { from: path, to: target.display });
  } finally {
    await pool.end();
    await source.close();
  }
}
