import type { Param, Sql } from './sql/sql.js';
import { sharedCategoriesOf } from './category-mask.js';
import type { MessageRecord, ReportRecord } from '../core/message-record.js';
import { fromRow, parseRows, recordColumns, recordSelect, type MessageRow } from './record-row.js';
import { scopeWhere } from './scope-sql.js';
import type { LatestBound, Scope } from './store.js';

// Pages of 5,000 rows streamed a week 40 % slower: a long string costs more to hand over per byte.
const PAGE = 2000;

/** The order rows are read in, as `messages_ts` holds them, and the cursor a page resumes after. */
const ORDER = ['m.ts', 'm.platform', 'm.group_id', 'm.rowid'];

/**
 * Rows of a scope in time order, a page at a time: `columns` (a JSON array's items) must start with
 * ORDER's, and each page resumes after the last row's, so a page costs one index seek and memory
 * holds two pages whatever the period. The next page is read while this one is handed out, so
 * SQLite's thread and ours work at the same time: on one prepared statement, since preparing a new
 * one waits for this thread's event loop, which is busy with the page being handed out.
 */
async function* pages<Row extends unknown[]>(db: Sql, scope: Scope, columns: string, filter = ''): AsyncGenerator<Row[]> {
  const d = db.dialect;
  const order = ORDER.map((_, i) => `o${i}`).join(', ');
  // Every page's WHERE has the same terms: only its lower bound on ts, the cursor's, differs.
  const where = (from: number) => scopeWhere({ ...scope, from });
  // One string per page, joined in the database: both drivers cost far more per row handed over
  // than JSON.parse costs per byte, so a page arrives as one JSON array of rows.
  const stmt = await db.prepare(
    `SELECT ${d.jsonAgg('r', order)} AS page FROM (
       SELECT ${ORDER.map((c, i) => `${c} AS o${i}`).join(', ')}, ${d.jsonArray(`${ORDER.join(', ')}, ${columns}`)} AS r
       FROM messages m ${d.indexedBy('messages_ts')}
       WHERE ${where(scope.from).sql} ${filter} AND (${ORDER.join(', ')}) > (?, ?, ?, ?)
       ORDER BY ${ORDER.join(', ')} LIMIT ${PAGE}) AS page_rows`,
  );
  // A consumer may stop early: a prefetched page that then fails must not be an unhandled rejection.
  const prefetch = (cursor: Param[]): Promise<Row[]> => {
    // The page starts at the cursor's ts, the index seek's start.
    const p = stmt
      .all<{ page: string | null }>([...where(cursor[0] as number).params, ...cursor])
      .then(([row]) => (row?.page ? (JSON.parse(row.page) as Row[]) : []));
    p.catch(() => undefined);
    return p;
  };
  let next: Promise<Row[]> | undefined = prefetch([scope.from, '', '', -1]);
  try {
    while (next) {
      const rows: Row[] = await next;
      next = rows.length === PAGE ? prefetch(rows[rows.length - 1].slice(0, ORDER.length) as Param[]) : undefined;
      yield rows;
    }
  } finally {
    // SQLite runs the statement's calls in order, so this waits for a prefetch still in flight.
    await stmt.finalize();
  }
}

/** Records of a scope in time order, with their names. */
export async function* readRecords(db: Sql, scope: Scope): AsyncGenerator<MessageRecord> {
  const names = await readNames(db, scope.platform);
  for await (const rows of pages<[number, string, string, number, ...MessageRow]>(db, scope, recordColumns(db.dialect))) {
    for (const row of rows) {
      yield named(fromRow(row.slice(ORDER.length) as unknown as MessageRow), names);
    }
  }
}

type ReportRow = [
  ts: number,
  platform: string,
  groupId: string,
  rowid: number,
  id: string,
  senderId: string,
  hash: string,
  replyTo: string | null,
  isAck: 0 | 1,
  recipients: number,
  mask: number,
  deadline: number | null,
];

/**
 * What a report reads of a scope's demands and acknowledgements, in time order: neither text nor
 * findings, which only the few messages kept as evidence need (read those with `readMessages`).
 */
export async function* readReportRecords(db: Sql, scope: Scope): AsyncGenerator<ReportRecord> {
  const names = await readNames(db, scope.platform);
  const columns = 'm.id, m.sender_id, m.hash, m.reply_to, m.is_ack, m.recipients, m.mask, m.deadline';
  for await (const rows of pages<ReportRow>(db, scope, columns, 'AND (m.mask <> 0 OR m.is_ack <> 0)')) {
    for (const [ts, platform, groupId, , id, senderId, hash, replyTo, isAck, recipients, mask, deadline] of rows) {
      yield named<ReportRecord>(
        { platform, id, groupId, senderId, ts, hash, replyTo, isAck: isAck === 1, recipients, categories: sharedCategoriesOf(mask), deadline },
        names,
      );
    }
  }
}

/** One text of each hash among the scope's demands: what the duplicate finder compares. */
export async function readDemandTexts(db: Sql, scope: Scope): Promise<{ hash: string; text: string }[]> {
  const where = scopeWhere(scope);
  return db.all(`SELECT m.hash, min(m.text) AS text FROM messages m WHERE ${where.sql} AND m.mask <> 0 AND m.text IS NOT NULL GROUP BY m.hash`, where.params);
}

/** Messages by id (those not stored are left out), in no particular order. */
export async function readMessages(db: Sql, platform: string, ids: readonly string[]): Promise<MessageRecord[]> {
  const rows = await db.all<{ r: string }>(`SELECT ${recordSelect(db.dialect)} WHERE m.platform = ? AND m.id IN (${db.dialect.textList('?')})`, [
    platform,
    JSON.stringify(ids),
  ]);
  return parseRows(rows).map(fromRow);
}

type Names = Map<string, { groups: Map<string, string>; users: Map<string, string> }>;

/** The record with its group's and sender's names, where known. */
function named<R extends Pick<MessageRecord, 'platform' | 'groupId' | 'senderId' | 'groupName' | 'senderName'>>(r: R, names: Names): R {
  const groupName = names.get(r.platform)?.groups.get(r.groupId);
  const senderName = names.get(r.platform)?.users.get(r.senderId);
  if (groupName !== undefined) r.groupName = groupName;
  if (senderName !== undefined) r.senderName = senderName;
  return r;
}

/** Group and sender names by platform, then id: all platforms or one. */
async function readNames(db: Sql, platform?: string): Promise<Names> {
  const where = platform === undefined ? '' : 'AND platform = ?';
  const params = platform === undefined ? [] : [platform];
  const byPlatform = new Map<string, { groups: Map<string, string>; users: Map<string, string> }>();
  for (const table of ['chat_groups', 'chat_users'] as const) {
    const rows = await db.all<{ platform: string; id: string; name: string }>(
      `SELECT platform, id, name FROM ${table} WHERE name IS NOT NULL ${where}`,
      params,
    );
    for (const r of rows) {
      let maps = byPlatform.get(r.platform);
      if (!maps) byPlatform.set(r.platform, (maps = { groups: new Map(), users: new Map() }));
      (table === 'chat_groups' ? maps.groups : maps.users).set(r.id, r.name);
    }
  }
  return byPlatform;
}

export async function readMessage(db: Sql, platform: string, id: string): Promise<MessageRecord | undefined> {
  const rows = await db.all<{ r: string }>(`SELECT ${recordSelect(db.dialect)} WHERE m.platform = ? AND m.id = ?`, [platform, id]);
  return parseRows(rows).map(fromRow)[0];
}

/**
 * The group's latest flagged message at or before `upTo` (see Store.latestFlagged): its stored message
 * by time then storage order, or its time where that message is not stored.
 */
export async function readLatestFlagged(db: Sql, platform: string, groupId: string, upTo: LatestBound): Promise<MessageRecord | undefined> {
  const at =
    upTo.id === undefined
      ? undefined
      : await db.get<{ ts: number; rowid: number }>('SELECT ts, rowid FROM messages WHERE platform = ? AND id = ?', [platform, upTo.id]);
  if (at) return latestFlaggedWhere(db, [platform, groupId], 'AND (m.ts < ? OR (m.ts = ? AND m.rowid <= ?))', [at.ts, at.ts, at.rowid]);
  return latestFlaggedWhere(db, [platform, groupId], 'AND m.ts <= ?', [upTo.ts]);
}

/** The same, narrowed to one sender's messages with this text (the `demands_group` index holds the sender). */
export function readFlaggedByText(db: Sql, platform: string, groupId: string, senderId: string, text: string): Promise<MessageRecord | undefined> {
  return latestFlaggedWhere(db, [platform, groupId], 'AND m.sender_id = ? AND m.text = ?', [senderId, text]);
}

async function latestFlaggedWhere(db: Sql, group: [string, string], also = '', params: Param[] = []): Promise<MessageRecord | undefined> {
  const rows = await db.all<{ r: string }>(
    `SELECT ${recordSelect(db.dialect)} WHERE m.platform = ? AND m.group_id = ? AND m.mask <> 0 ${also} ORDER BY m.ts DESC, m.rowid DESC LIMIT 1`,
    [...group, ...params],
  );
  return parseRows(rows).map(fromRow)[0];
}
