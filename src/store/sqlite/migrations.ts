import type { Db } from './db.js';
import type { SerialWriter } from '../serial-writer.js';
import { DIGEST_DELIVERIES_SCHEMA } from './delivery-schema.js';
import { addDeadlines } from './deadline-migration.js';
import { IDENTITIES_SCHEMA } from './identities-schema.js';
import { hashOptOuts } from './opt-out-migration.js';
import { MISSED_SCHEMA } from './missed-schema.js';
import { FORGOTTEN_SCHEMA } from './forgotten-schema.js';
import { HIDDEN_NAMES_SCHEMA } from './hidden-names-schema.js';
import { hashCommandMarks } from '../command-marks-migration.js';
import { rekeyLeadMarks } from '../lead-marks-migration.js';
import { REMOVED_SCHEMA } from './removed-schema.js';
import { REMOVED_DEMANDS_SCHEMA } from './removed-demands-schema.js';
import { OPTED_OUT_MEMBERS_SCHEMA } from './opted-out-members-schema.js';
import { FORGOTTEN_MEMBERS_SCHEMA } from './forgotten-members-schema.js';
import { MESSAGES_GROUP_SCHEMA } from './messages-group-schema.js';
import { MESSAGES_SENDER_SCHEMA } from './messages-sender-schema.js';
import { PRIVACY_EPOCH_SCHEMA } from './privacy-epoch-schema.js';
import { SCHEMA_V1 } from './schema-v1.js';
import { REPLIES_INDEX } from '../late-replies.js';
import type { TextReading } from '../text-reading.js';

/**
 * The schema's history: entry k takes a database from `user_version` k to k + 1. Append only:
 * never edit, reorder or remove an entry, databases in the field are at every step of it.
 * An entry is a SQL script, or a function for changes SQL alone cannot make. Each runs in its own
 * transaction together with the version bump, so a crash leaves the database at a whole version.
 */
export type Migration = string | ((db: Db, reading: TextReading) => Promise<void>);

export const MIGRATIONS: readonly Migration[] = [
  SCHEMA_V1,
  DIGEST_DELIVERIES_SCHEMA,
  IDENTITIES_SCHEMA,
  addDeadlines,
  hashOptOuts,
  PRIVACY_EPOCH_SCHEMA,
  MISSED_SCHEMA,
  FORGOTTEN_SCHEMA,
  HIDDEN_NAMES_SCHEMA,
  hashCommandMarks,
  rekeyLeadMarks,
  REMOVED_SCHEMA,
  REMOVED_DEMANDS_SCHEMA,
  OPTED_OUT_MEMBERS_SCHEMA,
  REPLIES_INDEX,
  MESSAGES_GROUP_SCHEMA,
  FORGOTTEN_MEMBERS_SCHEMA,
  MESSAGES_SENDER_SCHEMA,
];

/** Marks the file as fingertip's ("FTIP") so that another application's database is refused, not altered. */
export const APPLICATION_ID = 0x46544950;

/**
 * Brings the database up to the newest version; returns the number of steps applied. Another process
 * may be migrating the same file at the same moment: the version is re-read under the write lock
 * (BEGIN IMMEDIATE), so no step ever runs twice.
 */
export async function migrate(writer: SerialWriter<Db>, reading: TextReading, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  let applied = 0;
  for (let target = 1; target <= migrations.length; target++) {
    await writer.transaction(async (db) => {
      const row = await db.get<{ user_version: number }>('PRAGMA user_version');
      if ((row?.user_version ?? 0) >= target) return;
      const step = migrations[target - 1];
      if (typeof step === 'string') await db.exec(step);
      else await step(db, reading);
      // PRAGMA takes no parameters; both values are integers of ours, never input.
      await db.run(`PRAGMA application_id = ${APPLICATION_ID}`);
      await db.run(`PRAGMA user_version = ${target}`);
      applied++;
    }, 'long');
  }
  return applied;
}
