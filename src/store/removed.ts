import { ACK_WINDOW_MS } from '../core/ack-window.js';
import type { Sql } from './sql/sql.js';

/**
 * Messages the platform said were removed (deleted, recalled), by id, with when that was heard: a
 * tombstone, kept so that the message is never stored after its removal, whether it still waited in
 * a batch, was delivered to another instance, or comes again. No text or sender is kept; a demand's
 * keeps its group and send time (added by a later step: removed-demands.ts). `time` is the dialect's
 * type for epoch milliseconds; rows go with the retention purge, as the message would have.
 */
export const removedMessagesTable = (time: 'INTEGER' | 'BIGINT'): string => `
CREATE TABLE removed_messages (
  platform TEXT NOT NULL,
  id TEXT NOT NULL,
  ts ${time} NOT NULL,
  PRIMARY KEY (platform, id)
);
CREATE INDEX removed_messages_ts ON removed_messages (ts);
`;

/**
 * Removes a message and every copy of its text: its row (text, findings), the feedback and reports of
 * missed demands about it; and keeps its tombstone, a demand's placed (see placeRemovedDemand): the
 * acks that answered it stay its, those stored later too (removed-demands.ts). Whether any of it held
 * text, so that the caller empties SQLite's WAL only then. The privacy mark is locked first, as an
 * erasure locks it (see privacy.ts): an ingest batch of another instance holding the message then
 * commits wholly before this (whose delete takes it) or after (and finds the tombstone). Run inside a
 * transaction.
 */
export async function removeMessage(db: Sql, platform: string, id: string, now: number): Promise<boolean> {
  await db.get(`SELECT epoch FROM privacy_epoch${db.dialect.forUpdate}`);
  const row = await db.get<{ group_id: string; ts: number | string }>('SELECT group_id, ts FROM messages WHERE platform = ? AND id = ? AND mask <> 0', [
    platform,
    id,
  ]);
  await db.run('INSERT INTO removed_messages (platform, id, ts) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [platform, id, now]);
  if (row) await placeRemovedDemand(db, platform, id, { group: row.group_id, sent: Number(row.ts) });
  let texts = 0;
  for (const [table, column] of [
    ['messages', 'id'],
    ['feedback', 'message_id'],
    ['missed_demands', 'message_id'],
  ]) {
    const gone = await db.all<{ text: string | null }>(`DELETE FROM ${table} WHERE platform = ? AND ${column} = ? RETURNING text`, [platform, id]);
    texts += gone.filter((row) => row.text !== null).length;
  }
  return texts > 0;
}

/**
 * Notes on a removed demand's tombstone its group and when it was sent, the first time they are
 * known: at its removal if it was stored, else when its record comes after (from a batch that held it,
 * another instance, a redelivery). Then the acks stored that answered it are kept with it.
 */
export async function placeRemovedDemand(db: Sql, platform: string, id: string, demand: { group: string; sent: number }): Promise<void> {
  const placed = await db.all('UPDATE removed_messages SET group_id = ?, sent = ? WHERE platform = ? AND id = ? AND sent IS NULL RETURNING id', [
    demand.group,
    demand.sent,
    platform,
    id,
  ]);
  if (placed.length > 0) await keepAcksWith(db, platform, id, demand);
}

/**
 * The bare acknowledgements that replied to nothing and so counted toward a demand being removed (an
 * ack counts toward its group's latest demand at or before it, within ACK_WINDOW_MS: see
 * ../analysis/derived/ack-storm.ts) are made replies to it: they answered it, and with it gone they
 * would otherwise count toward the demand before it, an ack storm no one made. Replies to a message
 * not stored count toward nothing. They hold no text. Those stored after: see acksOfRemovedDemands.
 */
async function keepAcksWith(db: Sql, platform: string, id: string, { group, sent: from }: { group: string; sent: number }): Promise<void> {
  const next = await db.get<{ ts: number | string | null }>('SELECT min(ts) AS ts FROM messages WHERE platform = ? AND group_id = ? AND mask <> 0 AND ts > ?', [
    platform,
    group,
    from,
  ]);
  const until = next?.ts == null ? from + ACK_WINDOW_MS : Math.min(from + ACK_WINDOW_MS, Number(next.ts) - 1);
  await db.run(
    'UPDATE messages SET reply_to = ? WHERE platform = ? AND group_id = ? AND ts >= ? AND ts <= ? AND is_ack <> 0 AND mask = 0 AND reply_to IS NULL',
    [id, platform, group, from, until],
  );
}

/** Which of these message ids of one platform were removed. */
export async function removedAmong(db: Sql, platform: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.all<{ id: string }>(`SELECT id FROM removed_messages WHERE platform = ? AND id IN (${db.dialect.textList('?')})`, [
    platform,
    JSON.stringify(ids),
  ]);
  return new Set(rows.map((row) => row.id));
}
