import type { Db, Param } from './db.js';
import type { MessageRecord } from './message-record.js';
import { fromRow, parseRows, recordSelect, type MessageRow } from './record-row.js';
import { scopeWhere } from './scope-sql.js';
import type { Scope } from './store.js';

const PAGE = 5000;

/**
 * Records of a scope in time order, a page at a time: each page resumes after the last
 * (ts, platform, group_id, rowid) seen, the order of `messages_ts` entries, so a page costs one index
 * seek and memory holds two pages whatever the period. The next page is read while this one is
 * handed out, so SQLite's thread and ours work at the same time.
 */
export async function* readRecords(db: Db, scope: Scope, skipQuiet = false): AsyncGenerator<MessageRecord> {
  const names = await readNames(db, scope.platform);
  const page = (cursor: Param[]): Promise<MessageRow[]> => {
    // The page starts at the cursor's ts: the only lower bound on ts, so the index seek starts there.
    const where = scopeWhere({ ...scope, from: cursor[0] as number });
    // One string per page, joined in SQLite: node-sqlite3 costs far more per row handed over than
    // JSON.parse costs per byte, so a page arrives as one JSON array of rows.
    return db
      .get<{ page: string | null }>(
        `SELECT '[' || group_concat(r, ',') || ']' AS page FROM (
           SELECT ${recordSelect('messages_ts', false)} WHERE ${where.sql} ${skipQuiet ? 'AND (m.mask <> 0 OR m.is_ack <> 0)' : ''}
           AND (m.ts, m.platform, m.group_id, m.rowid) > (?, ?, ?, ?)
           ORDER BY m.ts, m.platform, m.group_id, m.rowid LIMIT ${PAGE})`,
        [...where.params, ...cursor],
      )
      .then((row) => (row?.page ? (JSON.parse(row.page) as MessageRow[]) : []));
  };
  // A consumer may stop early: a prefetched page that then fails must not be an unhandled rejection.
  const prefetch = (cursor: Param[]): Promise<MessageRow[]> => {
    const p = page(cursor);
    p.catch(() => undefined);
    return p;
  };
  let next: Promise<MessageRow[]> | undefined = prefetch([scope.from, '', '', -1]);
  while (next) {
    const rows: MessageRow[] = await next;
    const last = rows[rows.length - 1];
    next = rows.length === PAGE ? prefetch([last[4], last[0], last[2], last[16]]) : undefined; // ts, platform, group_id, rowid
    for (const row of rows) {
      row[14] = names.get(row[0])?.groups.get(row[2]) ?? null;
      row[15] = names.get(row[0])?.users.get(row[3]) ?? null;
      yield fromRow(row);
    }
  }
}

/** Group and sender names by platform, then id: all platforms or one. */
async function readNames(db: Db, platform?: string): Promise<Map<string, { groups: Map<string, string>; users: Map<string, string> }>> {
  const where = platform === undefined ? '' : 'AND platform = ?';
  const params = platform === undefined ? [] : [platform];
  const byPlatform = new Map<string, { groups: Map<string, string>; users: Map<string, string> }>();
  for (const table of ['chat_groups', 'chat_users'] as const) {
    const rows = await db.all<{ platform: string; id: string; name: string }>(`SELECT platform, id, name FROM ${table} WHERE name IS NOT NULL ${where}`, params);
    for (const r of rows) {
      let maps = byPlatform.get(r.platform);
      if (!maps) byPlatform.set(r.platform, (maps = { groups: new Map(), users: new Map() }));
      (table === 'chat_groups' ? maps.groups : maps.users).set(r.id, r.name);
    }
  }
  return byPlatform;
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
