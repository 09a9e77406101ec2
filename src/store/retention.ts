import type { SerialWriter } from './serial-writer.js';
import { DAY_MS } from '../core/time/units.js';

/** Rows deleted per transaction: a purge of months never holds the write lock long enough to stall ingest. */
const CHUNK = 5000;

/** The time before which data is older than `retentionDays` (config `retentionDays`, default 180). */
export function retentionCutoff(retentionDays: number, now: number = Date.now()): number {
  return now - retentionDays * DAY_MS;
}

/**
 * Deletes what is older than `beforeTs`: messages, dedupe keys (a redelivery that old is not coming),
 * leads, feedback, reports of missed demands and who was forgotten when, in chunks of their own transactions. Returns how
 * many messages went.
 */
export async function purge(writer: SerialWriter, beforeTs: number): Promise<number> {
  let messages = 0;
  const address = writer.db.dialect.rowAddress;
  // seen_events has no rowid in SQLite (WITHOUT ROWID): its key is (platform, key).
  const keys = { messages: address, seen_events: 'platform, key', leads: address, feedback: address, missed_demands: address, forgotten_users: address };
  for (const [table, key] of Object.entries(keys)) {
    for (;;) {
      const n = await writer.transaction((db) =>
        db.run(`DELETE FROM ${table} WHERE (${key}) IN (SELECT ${key} FROM ${table} WHERE ts < ? LIMIT ${CHUNK})`, [beforeTs]),
      );
      if (table === 'messages') messages += n;
      if (n < CHUNK) break;
    }
  }
  return messages;
}
