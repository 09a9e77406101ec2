import type { Db } from './db.js';
import type { MessageRecord } from './message-record.js';
import { fromRow, recordSelect, type MessageRow } from './record-row.js';
import { scopeWhere } from './scope-sql.js';
import type { Scope } from './store.js';

const PAGE = 2000;

/**
 * Records of a scope in time order, a page at a time: each page resumes after the last (ts, rowid)
 * seen, along `messages_ts` whose entries are sorted exactly so, so a page costs one index seek and
 * memory holds one page whatever the period.
 */
export async function* readRecords(db: Db, scope: Scope): AsyncGenerator<MessageRecord> {
  const where = scopeWhere(scope);
  const sql = `SELECT m.rowid AS rid, ${recordSelect('messages_ts')}
    WHERE ${where.sql} AND m.ts >= ? AND (m.ts > ? OR m.rowid > ?)
    ORDER BY m.ts, m.rowid LIMIT ${PAGE}`;
  let lastTs = scope.from;
  let lastRid = -1;
  for (;;) {
    const rows = await db.all<MessageRow & { rid: number }>(sql, [...where.params, lastTs, lastTs, lastRid]);
    for (const row of rows) yield fromRow(row);
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    lastTs = last.ts;
    lastRid = last.rid;
  }
}

export async function readMessage(db: Db, platform: string, id: string): Promise<MessageRecord | undefined> {
  const row = await db.get<MessageRow>(`SELECT ${recordSelect()} WHERE m.platform = ? AND m.id = ?`, [platform, id]);
  return row && fromRow(row);
}

export async function readLatestFlagged(db: Db, platform: string, groupId: string): Promise<MessageRecord | undefined> {
  const row = await db.get<MessageRow>(
    `SELECT ${recordSelect()} WHERE m.platform = ? AND m.group_id = ? AND m.mask <> 0 ORDER BY m.ts DESC, m.rowid DESC LIMIT 1`,
    [platform, groupId],
  );
  return row && fromRow(row);
}
