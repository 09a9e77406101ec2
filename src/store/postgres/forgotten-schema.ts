import { forgottenUsersTable } from '../forgotten.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 3, SQLite's step 8 (../sqlite/forgotten-schema.ts) in PostgreSQL's types. */
export async function addForgottenUsers(db: Sql): Promise<void> {
  await db.exec(forgottenUsersTable('BIGINT'));
}
