import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../../core/errors.js';
import { Db } from './db.js';
import { checkIdentity } from './identity.js';
import { checkIntegrity } from './integrity.js';
import { scrubLegacy } from './legacy-scrub.js';
import type { TextReading } from '../text-reading.js';
import { migrate } from './migrations.js';
import { noDatabaseYet } from '../no-database.js';
import { readOptOuts } from '../privacy.js';
import { SerialWriter } from '../serial-writer.js';
import { SqlStore } from '../sql-store.js';
import type { IngestOptions, Store } from '../store.js';
import { WalTruncator } from './wal-truncator.js';
import { unwritableFile } from './read-only.js';

export interface OpenOptions extends IngestOptions {
  /** How long to wait for another process's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
  /**
   * For a command that only reads: a database not there yet (no file; on PostgreSQL, no schema) is an
   * InputError, not made. Otherwise a SQLite file this process may not write is one.
   */
  existing?: boolean;
}

/** The database's folder, made if need be; one that cannot be (a file stands in its way) is bad input naming it. */
function makeFolder(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw new InputError(`${path}: cannot make the database's folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/**
 * Opens (creating if need be) the store's SQLite file: WAL so reports read while the bot writes,
 * synchronous FULL so a committed batch survives power loss as well as a killed process, foreign
 * keys on (and secure_delete, see Db.open), pending migrations applied. A file that is not a
 * fingertip database (random bytes, another application's database) or is damaged is an InputError
 * naming it; a lock held past the busy timeout is a WorkError naming it. Checkpoints every 10000 WAL
 * pages (40 MB) rather than 1000: a page that many batches touch is copied into the database once per
 * checkpoint, not once per batch. The writer's cache is 8 MB: 32 MB ingested no faster (bench:
 * pipeline) and the bot is meant to be small. `reading` is the analysis's, for rows a migration must read anew.
 */
export async function openSqlite(path: string, reading: TextReading, options: OpenOptions = {}): Promise<Store> {
  const busy = options.busyTimeoutMs ?? 5000;
  const memory = path === ':memory:';
  if (options.existing && !memory && !existsSync(path)) throw noDatabaseYet(path);
  if (!memory) makeFolder(path);
  // A file it may not write opens read-only without a word: refused here, not met line by line later.
  const unwritable = !options.existing && !memory && existsSync(path) ? unwritableFile(path) : undefined;
  if (unwritable) throw new InputError(unwritable);
  const opened: Db[] = [];
  let wal: WalTruncator | undefined;
  try {
    const db = await Db.open(path, busy);
    opened.push(db);
    const version = await checkIdentity(db);
    await checkIntegrity(db);
    await db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
      PRAGMA cache_size = -8192; PRAGMA wal_autocheckpoint = 10000; PRAGMA journal_size_limit = 67108864;`);
    const writer = new SerialWriter<Db>(db);
    wal = new WalTruncator(writer);
    await scrubLegacy(db, version);
    await migrate(writer, reading);
    // An erasure's log may outlive the process that made it (killed, or stopped while a reader held
    // the log): cut it at every start, retrying in the background while a reader still holds it.
    if (!memory) await wal.truncate();
    // An in-memory database exists once per connection: there the writer reads too. Readers keep
    // 4 MB of pages: a report reads a period once, so a larger cache only holds pages it will not
    // read again (16 MB cost the bot ~15 MB of RSS with stats no faster); the OS caches the file.
    const readers: Db[] = [];
    for (let i = 0; i < 2; i++) {
      const reader = memory ? db : await Db.open(path, busy);
      if (reader !== db) {
        opened.push(reader);
        await reader.exec('PRAGMA query_only = ON; PRAGMA cache_size = -4096;');
      }
      readers.push(reader);
    }
    const [reader, scanner] = readers;
    const truncator = wal;
    const engine = {
      afterErase: async () => void (await truncator.truncate()),
      close: async () => {
        truncator.stop();
        // Lets SQLite refresh the statistics its planner uses, as it recommends at close.
        await db.run('PRAGMA optimize').catch(() => undefined);
        for (const other of new Set([reader, scanner])) if (other !== db) await other.close();
        await db.close();
      },
    };
    return new SqlStore(path, writer, reader, scanner, engine, await readOptOuts(reader), options);
  } catch (err) {
    wal?.stop();
    for (const db of opened.reverse()) await db.close().catch(() => undefined);
    throw err;
  }
}
