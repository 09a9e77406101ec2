import type { Db } from './db.js';
import { MIGRATIONS } from './migrations.js';
import { hashOptOuts } from './opt-out-migration.js';

/** The first schema version written with secure_delete on: it came with the opt-out step. */
const SECURE_SINCE = MIGRATIONS.indexOf(hashOptOuts) + 1;

/**
 * A database written before secure_delete was on may still hold deleted rows in its free pages and
 * cells: purged messages, names and texts of forgotten members, old names. One VACUUM rewrites the
 * file without them (0.8 s for bench ingest's 1M messages in the OS cache; the upgrading open took
 * 3.3 s from disk). It runs before the file is upgraded, so that if it fails (the file locked) the
 * next open tries again. Run outside any transaction.
 */
export async function scrubLegacy(db: Db, version: number): Promise<void> {
  if (version === 0 || version >= SECURE_SINCE) return;
  await db.exec('VACUUM');
}
