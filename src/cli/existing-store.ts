import { openStore } from '../analysis/open-store.js';
import type { Store } from '../store/store.js';

/**
 * Opens the bot's database for a command that only reads it: one not there yet (a SQLite file
 * missing, a PostgreSQL database without fingertip's schema) is bad input, and nothing is made.
 * `tz` is the configuration's timezone, for deadlines a migration reads (see openStore).
 */
export function openExistingStore(db: string, tz: string): Promise<Store> {
  return openStore(db, tz, { existing: true });
}
