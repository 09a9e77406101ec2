import { HIDDEN_NAMES_TABLE } from '../hidden-names.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 4, SQLite's step 9 (../sqlite/hidden-names-schema.ts). */
export async function addHiddenNames(db: Sql): Promise<void> {
  await db.exec(HIDDEN_NAMES_TABLE);
}
