import { openPostgres } from '../store/postgres/open.js';
import { isPostgresUrl } from '../store/postgres/target.js';
import { openSqlite, type OpenOptions } from '../store/sqlite/open.js';
import type { Store } from '../store/store.js';
import type { TextReading } from '../store/text-reading.js';
import { localDay } from '../core/time/zone.js';
import { extractDeadline } from './record/deadline.js';
import { textHash } from './record/text-hash.js';

/** The hash and deadline of a text as toRecord reads them in `tz`, for rows a store kept before it did. */
export function textReading(tz: string): TextReading {
  return { hash: textHash, deadline: (text, ts) => extractDeadline(text, localDay(ts, tz)) };
}

/**
 * Opens the bot's store: a PostgreSQL database for a postgres:// URL (see openPostgres), else a
 * SQLite file (see openSqlite), with the analysis's reading of texts in `tz` (the configuration's
 * timezone, as for the bot's records) for SQLite's migrations.
 */
export function openStore(db: string, tz: string, options?: OpenOptions): Promise<Store> {
  return isPostgresUrl(db) ? openPostgres(db, options) : openSqlite(db, textReading(tz), options);
}
