import { removedMessagesTable } from '../removed.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 7, SQLite's step 12 (../sqlite/removed-schema.ts) in PostgreSQL's types. */
export async function addRemovedMessages(db: Sql): Promise<void> {
  await db.exec(removedMessagesTable('BIGINT'));
}
