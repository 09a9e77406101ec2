import { existsSync } from 'node:fs';
import { openStore } from '../analysis/open-store.js';
import { InputError } from '../core/errors.js';
import { isPostgresUrl } from '../store/postgres/target.js';
import type { Store } from '../store/store.js';

/** Opens the bot's database for a command that only reads it: a SQLite file that is not there yet is bad input, not a new file. */
export function openExistingStore(command: string, db: string): Promise<Store> {
  if (!isPostgresUrl(db) && !existsSync(db)) throw new InputError(`${command}: ${db}: no database yet (run fingertip start first, or set db / FINGERTIP_DB)`);
  return openStore(db);
}
