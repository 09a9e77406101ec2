import { InputError } from '../../core/errors.js';
import { noDatabaseYet } from '../no-database.js';
import type { SerialWriter } from '../serial-writer.js';
import type { Sql } from '../sql/sql.js';
import { addMissedDemands } from './missed-schema.js';
import { addForgottenUsers } from './forgotten-schema.js';
import { addHiddenNames } from './hidden-names-schema.js';
import { hashCommandMarks } from '../command-marks-migration.js';
import { rekeyLeadMarks } from '../lead-marks-migration.js';
import { addRemovedMessages } from './removed-schema.js';
import { addRemovedDemands } from './removed-demands-schema.js';
import { addCopyMark } from './copy-mark-schema.js';
import { addOptedOutMembers } from './opted-out-members-schema.js';
import { addRepliesIndex } from './replies-index-schema.js';
import { addForgottenMembers } from './forgotten-members-schema.js';
import { addMessagesGroupIndex } from './messages-group-schema.js';
import { addMessagesSenderIndex } from './messages-sender-schema.js';
import { createSchema } from './schema.js';

/**
 * PostgreSQL's schema history, as ../sqlite/migrations.ts keeps SQLite's: append only. It began
 * at SQLite's step 6 in one step; a later change of the schema appends a step to both lists
 * (SQLite's steps 7 to 13 are its steps 2 to 8; its step 9, the mark of a migrate, is its own; SQLite's
 * steps 14 to 18 are its steps 10 to 14).
 */
export const PG_MIGRATIONS: readonly ((db: Sql) => Promise<void>)[] = [
  createSchema,
  addMissedDemands,
  addForgottenUsers,
  addHiddenNames,
  hashCommandMarks,
  rekeyLeadMarks,
  addRemovedMessages,
  addRemovedDemands,
  addCopyMark,
  addOptedOutMembers,
  addRepliesIndex,
  addMessagesGroupIndex,
  addForgottenMembers,
  addMessagesSenderIndex,
];

/**
 * The advisory lock migrations hold ("FTIP"): instances starting together migrate one at a time. A
 * `migrate` takes it too, to mark the database it copies into (see copy-target.ts).
 */
export const MIGRATION_LOCK = 0x46544950;

/**
 * Brings the database up to the newest version, all steps in one transaction under an advisory
 * lock: a second instance starting at the same moment waits, then finds nothing left to do. A
 * database holding tables but no fingertip version is another application's, and one at a newer
 * version is a newer fingertip's: both are refused untouched. `where` names the database. With
 * `existing` (a command that only reads), an empty database is refused too, not given the schema.
 */
export function migratePostgres(writer: SerialWriter, where: string, migrations = PG_MIGRATIONS, existing = false): Promise<number> {
  return writer.transaction(async (db) => {
    await db.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const version = await schemaVersion(db, where, existing);
    if (version > migrations.length) {
      throw new InputError(`${where}: made by a newer fingertip (schema version ${version}, this one knows up to ${migrations.length}); upgrade fingertip`);
    }
    for (const step of migrations.slice(version)) await step(db);
    await db.run('UPDATE fingertip_schema SET version = ?', [migrations.length]);
    return migrations.length - version;
  }, 'long');
}

async function schemaVersion(db: Sql, where: string, existing: boolean): Promise<number> {
  const known = await db.get<{ found: string | null }>("SELECT to_regclass('fingertip_schema')::text AS found");
  if (known?.found) return (await db.get<{ version: number }>('SELECT version FROM fingertip_schema'))?.version ?? 0;
  const tables = await db.get<{ n: number }>('SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()');
  if ((tables?.n ?? 0) > 0) {
    throw new InputError(
      `${where}: not a fingertip database (it holds ${tables?.n} tables of another application); choose another database with db: or FINGERTIP_DB`,
    );
  }
  if (existing) throw noDatabaseYet(where);
  await db.exec('CREATE TABLE fingertip_schema (version INTEGER NOT NULL); INSERT INTO fingertip_schema (version) VALUES (0);');
  return 0;
}
