import type { ReportRecord } from '../core/message-record.js';
import type { Sql } from './sql/sql.js';
import { scopeWhere } from './scope-sql.js';
import type { Scope } from './store.js';

/**
 * Acknowledgements that quote-reply a message, by the message: a report finds those answering its
 * period's demands however late they came, one probe per demand. Partial: only such acks cost an
 * insert here (SQLite's schema step 15, PostgreSQL's step 11).
 */
export const REPLIES_INDEX = `
CREATE INDEX messages_replies ON messages (platform, group_id, reply_to) WHERE is_ack <> 0 AND reply_to IS NOT NULL;
`;

type ReplyRow = { ts: number; platform: string; group_id: string; id: string; sender_id: string; hash: string; reply_to: string; recipients: number };

/** The acks sent at or after `from` that reply to the scope's demands, in time order, as a report reads them. */
export async function readLateReplies(db: Sql, scope: Scope, from: number): Promise<ReportRecord[]> {
  const where = scopeWhere(scope);
  const d = db.dialect;
  // The period's demands along its time, each probing the replies index (CROSS JOIN keeps SQLite to
  // that order): never the acks of other periods.
  const rows = await db.all<ReplyRow>(
    `SELECT a.ts, a.platform, a.group_id, a.id, a.sender_id, a.hash, a.reply_to, a.recipients
     FROM messages m ${d.indexedBy('messages_ts')} CROSS JOIN messages a ${d.indexedBy('messages_replies')}
     WHERE ${where.sql} AND m.mask <> 0 AND a.platform = m.platform AND a.group_id = m.group_id AND a.reply_to = m.id
       AND a.is_ack <> 0 AND a.reply_to IS NOT NULL AND a.ts >= ?
     ORDER BY a.ts, a.platform, a.group_id, a.rowid`,
    [...where.params, from],
  );
  return rows.map((r) => ({
    platform: r.platform,
    id: r.id,
    groupId: r.group_id,
    senderId: r.sender_id,
    ts: r.ts,
    hash: r.hash,
    replyTo: r.reply_to,
    isAck: true,
    recipients: r.recipients,
    categories: [],
    deadline: null,
  }));
}
