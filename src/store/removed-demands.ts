import { ACK_WINDOW_MS } from '../core/ack-window.js';
import type { MessageRecord } from '../core/message-record.js';
import type { Sql } from './sql/sql.js';

/**
 * The schema step that lets a removed demand's tombstone keep its group and when it was sent (`sent`),
 * never what it said or who said it: enough for acknowledgements stored after its removal to find
 * it (see acksOfRemovedDemands). Other tombstones, and those written before this step, keep NULL.
 */
export const removedDemandColumns = (time: 'INTEGER' | 'BIGINT'): string => `
ALTER TABLE removed_messages ADD COLUMN group_id TEXT;
ALTER TABLE removed_messages ADD COLUMN sent ${time};
CREATE INDEX removed_demands ON removed_messages (platform, group_id, sent) WHERE sent IS NOT NULL;
`;

/** A message's group and time. */
interface Placed {
  group: string;
  ts: number;
}

/**
 * The loose acks among records about to be stored (bare, replying to nothing) whose group's latest
 * demand at or before them, within ACK_WINDOW_MS, was removed: by their index, that demand's id, to
 * store as what they reply to. They answered it, as did those keepAcksWith (removed.ts) found stored
 * at its removal; counted toward the demand before it instead, they would make an ack storm no one
 * made. Run in the batch's transaction, after its privacy lock, so a removal by any process commits
 * wholly before (its tombstone is read here) or after (it finds these stored). Ingest pays one
 * indexed lookup per platform when a batch holds loose acks, a second only near a removed demand.
 */
export async function acksOfRemovedDemands(db: Sql, records: readonly MessageRecord[]): Promise<Map<number, string>> {
  const loose = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.isAck && r.categories.length === 0 && !r.replyTo) (loose.get(r.platform) ?? loose.set(r.platform, []).get(r.platform)!).push(i);
  });
  const answered = new Map<number, string>();
  for (const [platform, acks] of loose) {
    let [from, to] = [Infinity, -Infinity];
    for (const i of acks) [from, to] = [Math.min(from, records[i].ts), Math.max(to, records[i].ts)];
    const groups = JSON.stringify([...new Set(acks.map((i) => records[i].groupId))]);
    const removed = (
      await db.all<{ id: string; group_id: string; sent: number | string }>(
        `SELECT id, group_id, sent FROM removed_messages
         WHERE platform = ? AND sent IS NOT NULL AND group_id IN (${db.dialect.textList('?')}) AND sent >= ? AND sent <= ?`,
        [platform, groups, from - ACK_WINDOW_MS, to],
      )
    ).map((row) => ({ id: row.id, group: row.group_id, ts: Number(row.sent) }));
    if (removed.length === 0) continue;
    const demands = await demandsSince(db, platform, removed, to);
    for (const r of records) if (r.platform === platform && r.categories.length > 0) demands.push({ group: r.groupId, ts: r.ts });
    for (const i of acks) {
      const { groupId, ts } = records[i];
      let gone: (typeof removed)[number] | undefined;
      for (const d of removed) if (d.group === groupId && d.ts <= ts && ts - d.ts <= ACK_WINDOW_MS && (!gone || d.ts > gone.ts)) gone = d;
      // A demand (stored, or of this batch) sent after the removed one, by the ack's time, is the ack's.
      if (gone && !demands.some((d) => d.group === groupId && d.ts > gone.ts && d.ts <= ts)) answered.set(i, gone.id);
    }
  }
  return answered;
}

/** The stored demands of the removed demands' groups sent after the first of them, up to `to`. */
async function demandsSince(db: Sql, platform: string, removed: readonly Placed[], to: number): Promise<Placed[]> {
  const rows = await db.all<{ group_id: string; ts: number | string }>(
    `SELECT group_id, ts FROM messages WHERE platform = ? AND mask <> 0 AND group_id IN (${db.dialect.textList('?')}) AND ts > ? AND ts <= ?`,
    [platform, JSON.stringify([...new Set(removed.map((d) => d.group))]), Math.min(...removed.map((d) => d.ts)), to],
  );
  return rows.map((row) => ({ group: row.group_id, ts: Number(row.ts) }));
}
