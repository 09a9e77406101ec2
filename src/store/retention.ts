import type { SerialWriter } from './serial-writer.js';
import type { Sql } from './sql/sql.js';
import { DAY_MS } from '../core/time/units.js';
import { RETENTION_DAYS } from '../core/bounds.js';

/** Rows deleted per transaction: a purge of months never holds the write lock long enough to stall ingest. */
const CHUNK = 5000;

/**
 * The least any instance's purge keeps: what was written under this long ago came with a message about
 * as recent, which no purge takes. A cache of what is stored trusts an entry no longer than this, as
 * another instance sharing the database may have purged it (this one's own purge clears its caches).
 */
export const SHORTEST_RETENTION_MS = RETENTION_DAYS.min * DAY_MS;

/** The time before which data is older than `retentionDays` (config `retentionDays`, default 180). */
export function retentionCutoff(retentionDays: number, now: number = Date.now()): number {
  return now - retentionDays * DAY_MS;
}

/**
 * Deletes what is older than `beforeTs`: messages, dedupe keys (a redelivery that old is not coming),
 * leads, feedback, reports of missed demands, who was forgotten when and which messages were removed, in chunks of their own
 * transactions; then the member lists of groups not seen since, the names of people none of
 * whose messages is kept and who are in no group's list, and those of groups not seen since with
 * no message kept (purgeGroupNames: their size and settings stay). Returns how many messages went.
 */
export async function purge(writer: SerialWriter, reader: Sql, beforeTs: number): Promise<number> {
  let messages = 0;
  const address = writer.db.dialect.rowAddress;
  // seen_events has no rowid in SQLite (WITHOUT ROWID): its key is (platform, key).
  const keys = {
    messages: address,
    seen_events: 'platform, key',
    leads: address,
    feedback: address,
    missed_demands: address,
    forgotten_users: address,
    removed_messages: address,
  };
  for (const [table, key] of Object.entries(keys)) {
    for (;;) {
      const n = await writer.transaction(
        (db) => db.run(`DELETE FROM ${table} WHERE (${key}) IN (SELECT ${key} FROM ${table} WHERE ts < ? LIMIT ${CHUNK})`, [beforeTs]),
        'long',
      );
      if (table === 'messages') messages += n;
      if (n < CHUNK) break;
    }
  }
  const members = await writer.transaction(async (db) => {
    await db.run('DELETE FROM opted_out_members WHERE (platform, group_id) IN (SELECT platform, id FROM chat_groups WHERE last_seen < ?)', [beforeTs]);
    await db.run('UPDATE chat_groups SET forgotten_members = 0 WHERE last_seen < ? AND forgotten_members > 0', [beforeTs]);
    return db.run('DELETE FROM group_members WHERE (platform, group_id) IN (SELECT platform, id FROM chat_groups WHERE last_seen < ?)', [beforeTs]);
  }, 'long');
  // A name loses its last reference only when a message or a member list goes: a purge that took
  // neither spares the start-up a scan of every message.
  if (messages > 0 || members > 0) {
    await purgeNames(writer, reader);
    await purgeGroupNames(writer, reader, beforeTs);
  }
  return messages;
}

/**
 * Groups not seen since `beforeTs` none of whose messages is kept: their name can name a member
 * (成员1的工作群), so it goes; their size and settings, which name no one, stay under the id, so a group
 * that speaks again is counted as before (its name comes back with its messages). Found on the reader,
 * as purgeNames's are, each group's messages looked up in the index by group (NOT IN would scan every
 * message per group on PostgreSQL); changed by key while still not seen since (a group seen again
 * meanwhile was written again).
 */
async function purgeGroupNames(writer: SerialWriter, reader: Sql, beforeTs: number): Promise<void> {
  const gone = await reader.all<{ platform: string; id: string }>(
    `SELECT platform, id FROM chat_groups g
     WHERE (last_seen IS NULL OR last_seen < ?) AND name IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.platform = g.platform AND m.group_id = g.id)`,
    [beforeTs],
  );
  for (let i = 0; i < gone.length; i += CHUNK) {
    const part = gone.slice(i, i + CHUNK);
    await writer.transaction(async (db) => {
      for (const g of part)
        await db.run('UPDATE chat_groups SET name = NULL WHERE platform = ? AND id = ? AND (last_seen IS NULL OR last_seen < ?)', [g.platform, g.id, beforeTs]);
    }, 'long');
  }
}

/**
 * The names of people no kept message and no member list refers to. They are found on the reader,
 * where the reads hold no lock, each person's messages looked up in the index by sender (NOT IN
 * scanned every message per person on PostgreSQL); deleted by key while still in no member list.
 */
async function purgeNames(writer: SerialWriter, reader: Sql): Promise<void> {
  const gone = await reader.all<{ platform: string; id: string }>(
    `SELECT platform, id FROM chat_users u
     WHERE NOT EXISTS (SELECT 1 FROM group_members g WHERE g.platform = u.platform AND g.user_id = u.id)
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.platform = u.platform AND m.sender_id = u.id)`,
  );
  for (let i = 0; i < gone.length; i += CHUNK) {
    const part = gone.slice(i, i + CHUNK);
    await writer.transaction(async (db) => {
      for (const u of part)
        await db.run('DELETE FROM chat_users WHERE platform = ? AND id = ? AND NOT EXISTS (SELECT 1 FROM group_members WHERE platform = ? AND user_id = ?)', [
          u.platform,
          u.id,
          u.platform,
          u.id,
        ]);
    }, 'long');
  }
}
