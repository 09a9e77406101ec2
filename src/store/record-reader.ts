import type { Db, Param } from './db.js';
import type { MessageRecord } from './message-record.js';
import { fromRow, parseRows, recordSelect } from './record-row.js';
import { scopeWhere } from './scope-sql.js';
import type { Scope } from './store.js';

const PAGE = 2000;

/**
 * Records of a scope in time order, a page at a time: each page resumes after the last
 * (ts, platform, group_id, rowid) seen, the order of `messages_ts` entries, so a page costs one index
 * seek and memory holds one page whatever the period.
 */
export async function* readRecords(db: Db, scope: Scope): AsyncGenerator<MessageRecord> {
  let cursor: Param[] = [scope.from, '', '', -1];
  for (;;) {
    // The page starts at the cursor's ts: the only lower bound on ts, so the index seek starts there.
    const where = scopeWhere({ ...scope, from: cursor[0] as number });
    const rows = parseRows(await db.all<{ r: string }>(
      `SELECT ${recordSelect('messages_ts')} WHERE ${where.sql} AND (m.ts, m.platform, m.group_id, m.rowid) > (?, ?, ?, ?)
       ORDER BY m.ts, m.platform, m.group_id, m.rowid LIMIT ${PAGE}`,
      [...where.params, ...cursor],
    ));
    for (const row of rows) yield fromRow(row);
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    cursor = [last[4], last[0], last[2], last[16]]; // ts, platform, group_id, rowid
  }
}

export async function readMessage(db: Db, platform: string, id: string): Promise<MessageRecord | undefined> {
  const rows = await db.all<{ r: string }>(`SELECT ${recordSelect()} WHERE m.platform = ? AND m.id = ?`, [platform, id]);
  return parseRows(rows).map(fromRow)[0];
}

export async function readLatestFlagged(db: Db, platform: string, groupId: string): Promise<MessageRecord | undefined> {
  const rows = await db.all<{ r: string }>(
    `SELECT ${recordSelect()} WHERE m.platform = ? AND m.group_id = ? AND m.mask <> 0 ORDER BY m.ts DESC, m.rowid DESC LIMIT 1`,
    [platform, groupId],
  );
  return parseRows(rows).map(fromRow)[0];
}
