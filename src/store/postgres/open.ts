import pg from 'pg';
import { readOptOuts } from '../privacy.js';
import { SerialWriter } from '../serial-writer.js';
import { SqlStore } from '../sql-store.js';
import type { IngestOptions, Store } from '../store.js';
import { migratePostgres } from './migrations.js';
import { pgError } from './pg-error.js';
import { poolDb, writerDb } from './pg-db.js';
import { pgTarget } from './target.js';

// COUNT and SUM come back as int8 and numeric, which the driver hands over as strings so as not to
// round; the store's figures (counts, epoch milliseconds) stay far below 2^53.
const NUMERIC_OIDS = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid) ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Opens the store on a PostgreSQL database that several bot instances may share: a pool of
 * connections (`?pool=`, default 10) of which one is this process's writer, the rest serve reads;
 * migrations run under a lock (see migratePostgres). A server that cannot be reached, refuses the
 * login or holds another application's tables is an InputError naming the server (exit 2),
 * before anything is written.
 */
export async function openPostgres(url: string, options: IngestOptions = {}): Promise<Store> {
  const target = pgTarget(url);
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: target.pool,
    connectionTimeoutMillis: target.connectTimeoutMs,
    application_name: 'fingertip',
    types,
  });
  // An idle connection the server drops emits here; without a listener Node would exit. The next
  // query on the pool opens a new connection and reports any failure to its caller.
  pool.on('error', () => undefined);
  const writer = writerDb(target, pool);
  try {
    await pool.query('SELECT 1').catch((err: unknown) => {
      throw pgError(target, err, true);
    });
    const serial = new SerialWriter(writer.db);
    await migratePostgres(serial, target.display);
    const reader = poolDb(target, pool);
    const engine = {
      // Erased rows' old versions stay in the table's pages until VACUUM reclaims them; autovacuum does, in its own time (README).
      afterErase: async () => {},
      close: async () => {
        writer.release();
        await pool.end();
      },
    };
    return new SqlStore(target.display, serial, reader, reader, engine, await readOptOuts(reader), options);
  } catch (err) {
    writer.release();
    await pool.end().catch(() => undefined);
    throw err;
  }
}
