import { readOptOuts } from '../privacy.js';
import { SerialWriter } from '../serial-writer.js';
import { SqlStore } from '../sql-store.js';
import type { IngestOptions, Store } from '../store.js';
import { refuseUnfinishedCopy } from './copy-target.js';
import { migratePostgres, PG_MIGRATIONS } from './migrations.js';
import { pgError } from './pg-error.js';
import { poolDb, writerDb } from './pg-db.js';
import { createPool } from './pool.js';
import { pgTarget } from './target.js';

/**
 * Opens the store on a PostgreSQL database that several bot instances may share: a pool of
 * connections (`?pool=`, default 10) of which one is this process's writer, the rest serve reads;
 * migrations run under a lock (see migratePostgres). A server that cannot be reached, refuses the
 * login or holds another application's tables is an InputError naming the server (exit 2),
 * before anything is written; so is, with `existing` (a command that only reads), a database
 * without fingertip's schema, which is then left empty; so is one a `migrate` is still copying into,
 * unless `copying` (the migrate itself).
 */
export async function openPostgres(url: string, options: IngestOptions & { existing?: boolean; copying?: boolean } = {}): Promise<Store> {
  const target = pgTarget(url);
  const pool = createPool(target);
  const writer = writerDb(target, pool);
  try {
    await pool.query('SELECT 1').catch((err: unknown) => {
      throw pgError(target, err, true);
    });
    const serial = new SerialWriter(writer.db);
    await migratePostgres(serial, target.display, PG_MIGRATIONS, options.existing);
    if (!options.copying) await refuseUnfinishedCopy(serial, target.display);
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
