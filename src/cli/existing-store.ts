import { openStore } from '../analysis/open-store.js';
import type { Store } from '../store/store.js';

/**
 * Opens the bot's database for a command that only reads it: one not there yet (a SQLite file
 * missing, a PostgreSQL database without fingertip's schema) is bad input, and nothing is made.
 */
export function openExistingStore(db: string): Promise<Store> {
  return openStore(db, { existing: true });
}
