import { FORGOTTEN_MEMBERS_COLUMN } from '../forgotten-members.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 13, SQLite's step 17 (../sqlite/forgotten-members-schema.ts). */
export async function addForgottenMembers(db: Sql): Promise<void> {
  await db.exec(FORGOTTEN_MEMBERS_COLUMN);
}
