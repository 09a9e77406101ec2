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
 * missed demands about it; and keeps its tombstone, a demand's placed (see placeRemovedDemand). The
 * acks that answered it are left as they are: a report gives a placed demand the loose acks after it,
 * whenever stored (removed-demands.ts), and making them replies to it here would freeze a choice that
 * a demand arriving late between them changes. Tombstones of a release before schema step 13 have no
 * group or time, but that release made the acks stored before the removal replies to it (a reply to
 * a message not stored counts toward nothing), and those rows stay so. Whether any of it held text,
 * so that the caller empties SQLite's WAL only then. The privacy mark is locked first, as an
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
 * another instance, a redelivery). A report reads them (removed-demands.ts).
 */
export async function placeRemovedDemand(db: Sql, platform: string, id: string, demand: { group: string; sent: number }): Promise<void> {
  await db.run('UPDATE removed_messages SET group_id = ?, sent = ? WHERE platform = ? AND id = ? AND sent IS NULL', [demand.group, demand.sent, platform, id]);
}

/** Which of these message ids of one platform were removed. */
export async function removedAmong(db: Sql, platform: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.all<{ id: string }>(`SELECT id FROM removed_messages WHERE platform = ? AND id IN (${db.dialect.textList('?')})`, [
    platform,
    JSON.stringify(ids),
  ]);
  return new Set(rows.map((row) => row.id));
}
