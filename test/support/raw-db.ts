import { Db } from '../../src/store/sqlite/db.js';
import { poolDb } from '../../src/store/postgres/pg-db.js';
import { createPool } from '../../src/store/postgres/pool.js';
import { isPostgresUrl, pgTarget } from '../../src/store/postgres/target.js';
import type { Sql } from '../../src/store/sql/sql.js';
import { PG_PASSWORD } from './postgres-server.js';

/**
 * A connection of the test's own to a store's database (a file's path or a URL), to see what is
 * committed. A URL may be a store's `path`, which leaves out the password: the tests' server's is used.
 */
export async function rawDb(place: string): Promise<Sql & { close(): Promise<void> }> {
  if (!isPostgresUrl(place)) return Db.open(place, 1000);
  const url = new URL(place);
  url.password ||= PG_PASSWORD;
  const target = pgTarget(url.toString());
  const pool = createPool(target);
  return Object.assign(poolDb(target, pool), { close: () => pool.end() });
}
