import type { Sql } from '../sql/sql.js';

/** PostgreSQL's step 2, SQLite's step 7 (../sqlite/missed-schema.ts) in PostgreSQL's types. */
export async function addMissedDemands(db: Sql): Promise<void> {
  await db.exec(`
CREATE TABLE missed_demands (
  platform TEXT NOT NULL,
  message_id TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  by_user TEXT NOT NULL,
  ts BIGINT NOT NULL,
  text TEXT,
  mask INTEGER NOT NULL,
  PRIMARY KEY (platform, message_id, by_user)
);
CREATE INDEX missed_demands_ts ON missed_demands (ts);
`);
}
