import pg from 'pg';
import type { PgTarget } from './target.js';

// COUNT and SUM come back as int8 and numeric, which the driver hands over as strings so as not to
// round; the store's figures (counts, epoch milliseconds) stay far below 2^53.
const NUMERIC_OIDS = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid) ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * How long any statement may wait for the server's answer, unless the URL says (`?query_timeout=`,
 * the driver's, in ms): long enough for a year's report or a purge's chunk on a large database, yet a
 * connection gone silent (a failover, a firewall or NAT dropping it) fails its work rather than hang
 * it for good. A write on the event path has a shorter one (see WRITE_DEADLINE_MS).
 */
const QUERY_DEADLINE_MS = 10 * 60_000;

/** The connections of one process to the database (`?pool=` of them at most). */
export function createPool(target: PgTarget): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: target.pool,
    connectionTimeoutMillis: target.connectTimeoutMs,
    query_timeout: QUERY_DEADLINE_MS,
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
