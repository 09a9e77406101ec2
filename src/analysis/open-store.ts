import { openSqlite, type OpenOptions } from '../store/open.js';
import type { Store } from '../store/store.js';
import type { TextReading } from '../store/deadline-migration.js';
import { extractDeadline } from './record/deadline.js';
import { textHash } from './record/text-hash.js';

/** The hash and deadline of a text as toRecord reads them, for rows a store kept before it did. */
export const TEXT_READING: TextReading = { hash: textHash, deadline: extractDeadline };

/** Opens the bot's store (see openSqlite), with the analysis's reading of texts for its migrations. */
export function openStore(path: string, options?: OpenOptions): Promise<Store> {
  return openSqlite(path, TEXT_READING, options);
}
