import pg from 'pg';
import type { PgTarget } from './target.js';

// COUNT and SUM come back as int8 and numeric, which the driver hands over as strings so as not to
// round; the store's figures (counts, epoch milliseconds) stay far below 2^53.
const NUMERIC_OIDS = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid) ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The connections of one process to the database (`?pool=` of them at most). */
export function createPool(target: PgTarget): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: target.pool,
    connectionTimeoutMillis: target.connectTimeoutMs,
    query_timeout: target.queryTimeoutMs,
    // TCP keepalive: the kernel finds an idle connection whose far end is gone, and the pool drops it.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: 'fingertip',
    types,
  });
  // An idle connection the server drops emits here; without a listener Node would exit. The next
  // query on the pool opens a new connection and reports any failure to its caller.
  pool.on('error', () => undefined);
  return pool;
}
