import { copyStore, type TableCopy } from './copy-store.js';
import { claimCopyTarget, finishCopy } from './postgres/copy-target.js';
import { openPostgres } from './postgres/open.js';
import { writerDb } from './postgres/pg-db.js';
import { createPool } from './postgres/pool.js';
import { pgTarget } from './postgres/target.js';
import { SerialWriter } from './serial-writer.js';
import { Db } from './sqlite/db.js';
import { openSqlite } from './sqlite/open.js';
import type { TextReading } from './text-reading.js';

/**
 * Copies a SQLite store into an empty PostgreSQL database, or finishes a copy cut short (see
 * claimCopyTarget): both are opened as stores first, so each is checked and brought to the newest
 * schema, then their rows are read and written directly. The bot must not write to the SQLite file
 * meanwhile: stop it, copy, then start it on the URL.
 */
export async function migrateToPostgres(path: string, url: string, reading: TextReading): Promise<TableCopy[]> {
  await (await openSqlite(path, reading)).close();
  await (await openPostgres(url, { copying: true })).close();
  const target = pgTarget(url);
  const source = await Db.open(path, 5000);
  const pool = createPool(target);
  const writer = writerDb(target, pool);
  try {
    const serial = new SerialWriter(writer.db);
    await claimCopyTarget(source, serial, { from: path, to: target.display });
    const tables = await copyStore(source, serial);
    await finishCopy(writer.db);
    return tables;
  } finally {
    writer.release();
    await pool.end();
    await source.close();
  }
}
