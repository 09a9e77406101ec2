import { MESSAGES_GROUP_INDEX } from '../messages-group-index.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 12, SQLite's step 16 (../sqlite/messages-group-schema.ts). */
export async function addMessagesGroupIndex(db: Sql): Promise<void> {
  await db.exec(MESSAGES_GROUP_INDEX);
}
