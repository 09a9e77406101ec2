import { InputError } from '../../core/errors.js';
import { COPY_TABLES } from '../copy-tables.js';
import { bumpPrivacyEpoch } from '../privacy.js';
import type { SerialWriter } from '../serial-writer.js';
import type { Sql } from '../sql/sql.js';
import { MIGRATION_LOCK } from './migrations.js';

/** The mark of a `migrate` into the database: never copied into, a copy under way (or cut short), or finished. */
async function copyState(db: Sql): Promise<'none' | 'unfinished' | 'done'> {
  const row = await db.get<{ done: boolean }>('SELECT done FROM migrate_copy');
  return row === undefined ? 'none' : row.done ? 'done' : 'unfinished';
}

/**
 * The advisory lock a copy holds on its connection until it ends ("FTIC"): a second `migrate` into
 * the same database finds it taken and is refused, rather than copy the same rows beside it (the
 * tables without a key would hold them twice).
 */
const COPY_LOCK = 0x46544943;

const saltOf = async (db: Sql) => (await db.get<{ salt: string }>('SELECT salt FROM privacy_salt'))?.salt;

/**
 * Clients connected to the database besides this one: a running instance holds its writer's
 * connection open (a courtesy: one whose connections were closed meanwhile is not seen, and
 * adopts the new salt as it would another instance's opt-out; see claimCopyTarget). Those of a store just closed take a moment to end, so they are waited for a little.
 */
async function otherSessions(db: Sql): Promise<number> {
  for (let waited = 0; ; waited += 100) {
    // The activity view is read once per transaction unless its snapshot is cleared.
    await db.get('SELECT pg_stat_clear_snapshot()');
    const row = await db.get<{ n: number }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
    );
    if (!row?.n || waited >= 5000) return row?.n ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Takes the target of a copy from `source`, marked unfinished until finishCopy. A copy goes into an
 * empty database only, taking the source's salt: into one holding rows it would bring back what was
 * erased there since (`forget me`, opt-outs, recalled messages), and the rows' hashes would fall
 * under two salts. An instance seen connected is refused, though it has stored nothing yet: its
 * writes would mix with the copy. One not seen (its connections closed meanwhile, idle or cut) is
 * not harmed: the salt changes with the privacy mark, which every write that hashes a user reads
 * first, so it takes the new salt, and the opt-outs copied later (copyStore), before its next one.
 * A copy cut short is resumed, from the same source (told by its salt), unless one is under way
 * (COPY_LOCK). Under the migrations' lock, so an instance starting meanwhile either is seen
 * connected or sees the mark.
 */
export function claimCopyTarget(source: Sql, writer: SerialWriter, where: { from: string; to: string }): Promise<void> {
  return writer.transaction(async (db) => {
    await db.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const [state, salt, own] = [await copyState(db), await saltOf(source), await saltOf(db)];
    if (state === 'done') {
      throw new InputError(
        `${where.to}: a migrate into it has finished already; copying again would undo what was erased there since (give an empty database)`,
      );
    }
    if (!(await db.get<{ got: boolean }>('SELECT pg_try_advisory_lock(?) AS got', [COPY_LOCK]))?.got)
      throw new InputError(
        `${where.to}: a copy into it is under way (another fingertip migrate); wait for it to end, then run migrate again if it was cut short`,
      );
    if (state === 'unfinished') {
      if (salt !== undefined && salt !== own)
        throw new InputError(`${where.to}: holds an unfinished migrate from another database than ${where.from}; finish it from that one`);
      return;
    }
    const others = await otherSessions(db);
    if (others > 0) {
      throw new InputError(
        `${where.to}: in use by ${others} other connection${others > 1 ? 's' : ''} (an instance running on it?); stop them, then run migrate again`,
      );
    }
    const filled: string[] = [];
    for (const t of COPY_TABLES) if (await db.get(`SELECT 1 AS hit FROM ${t.name} LIMIT 1`)) filled.push(t.name);
    if (filled.length) throw new InputError(`${where.to}: holds data already (${filled.join(', ')}); migrate copies into an empty database only`);
    if (salt !== undefined && salt !== own) {
      await bumpPrivacyEpoch(db);
      await db.run('UPDATE privacy_salt SET salt = ?', [salt]);
    }
    await db.run('INSERT INTO migrate_copy (done) VALUES (false)');
  }, 'long');
}

/** Marks the copy finished: instances may open the database, and no copy goes into it again. */
export async function finishCopy(db: Sql): Promise<void> {
  await db.run('UPDATE migrate_copy SET done = true');
}

/** Refuses a database whose copy is unfinished, so no instance writes into it half copied. */
export function refuseUnfinishedCopy(writer: SerialWriter, where: string): Promise<void> {
  return writer.transaction(async (db) => {
    await db.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    if ((await copyState(db)) === 'unfinished') {
      throw new InputError(`${where}: a migrate into it has not finished; run fingertip migrate again to finish it, then start on it`);
    }
  }, 'long');
}
