import { REPLIES_INDEX } from '../late-replies.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 11, SQLite's step 15 (../late-replies.ts). */
export async function addRepliesIndex(db: Sql): Promise<void> {
  await db.exec(REPLIES_INDEX);
}
