import { removedDemandColumns } from '../removed-demands.js';
import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 8, SQLite's step 13 (../sqlite/removed-demands-schema.ts) in PostgreSQL's types. */
export async function addRemovedDemands(db: Sql): Promise<void> {
  await db.exec(removedDemandColumns('BIGINT'));
}
