import { OPTED_OUT_MEMBERS_TABLE } from '../opted-out-members.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 10, SQLite's step 14 (../sqlite/opted-out-members-schema.ts). */
export async function addOptedOutMembers(db: Sql): Promise<void> {
  await db.exec(OPTED_OUT_MEMBERS_TABLE);
}
