import { MESSAGES_SENDER_INDEX } from '../messages-sender-index.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 14, SQLite's step 18 (../sqlite/messages-sender-schema.ts). */
export async function addMessagesSenderIndex(db: Sql): Promise<void> {
  await db.exec(MESSAGES_SENDER_INDEX);
}
