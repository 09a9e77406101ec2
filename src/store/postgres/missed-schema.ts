import { missedDemandsTable } from '../missed.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 2, SQLite's step 7 (../sqlite/missed-schema.ts) in PostgreSQL's types. */
export async function addMissedDemands(db: Sql): Promise<void> {
  await db.exec(missedDemandsTable('BIGINT'));
}
