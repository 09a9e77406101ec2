import type { Sql } from './sql/sql.js';
import { categoryTerms, categoryTotalsOf, countsOf } from './category-sql.js';
import { fromRow, parseRows, recordSelect } from './record-row.js';
import { scopeWhere } from './scope-sql.js';
import type { CategoryTotals, GroupTotals, MemberView, Period, QuietCount, Scope } from './store.js';
import { groupKey } from '../core/group-key.js';

/** Per category: demands and recipients, in one query along the partial index of demands. */
export async function categoryTotals(db: Sql, scope: Scope): Promise<CategoryTotals> {
  const where = scopeWhere(scope);
  const row = await db.get<Record<string, unknown>>(`SELECT ${categoryTerms(db.dialect)} FROM messages m WHERE m.mask <> 0 AND ${where.sql}`, where.params);
  return categoryTotalsOf(row ?? {});
}

/**
 * Quiet messages (not demands, not acks) per group of the scope, in one pass along `messages_ts`: a
 * period's rows lie together in the table, which the primary key (the planner's choice for one
 * platform) would visit in random order. Callers ask a day at a time, so SQLite's sort for the
 * grouping stays small, and the counts come as one JSON text (node-sqlite3 would build each row
 * in C++ first).
 */
export async function quietCounts(db: Sql, scope: Scope): Promise<QuietCount[]> {
  const where = scopeWhere(scope);
  const d = db.dialect;
  const row = await db.get<{ counts: string | null }>(
    `SELECT ${d.jsonAgg(d.jsonArray('platform, group_id, n, r, lo, hi'), 'platform, group_id')} AS counts FROM (
       SELECT m.platform, m.group_id, count(*) AS n, max(m.recipients) AS r, min(m.ts) AS lo, max(m.ts) AS hi
       FROM messages m ${d.indexedBy('messages_ts')} WHERE m.mask = 0 AND m.is_ack = 0 AND ${where.sql}
       GROUP BY m.platform, m.group_id) AS quiet`,
    where.params,
  );
  const counts = JSON.parse(row?.counts ?? '[]') as [string, string, number, number, number, number][];
  return counts.map(([platform, groupId, messages, maxRecipients, firstTs, lastTs]) => ({ platform, groupId, messages, maxRecipients, firstTs, lastTs }));
}

/** Demands (flagged messages) in the scope, along the partial indexes of demands: what `stats` needs. */
export async function demandCount(db: Sql, scope: Scope): Promise<number> {
  const where = scopeWhere(scope);
  const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM messages m WHERE m.mask <> 0 AND ${where.sql}`, where.params);
  return row?.n ?? 0;
}

/**
 * Per group with messages in the scope: messages, demands and per-category totals. Two queries, each
 * along `messages_ts`: message counts from the index alone, demands with a look at their rows.
 */
export async function groupTotals(db: Sql, scope: Scope): Promise<GroupTotals[]> {
  const where = scopeWhere(scope);
  const terms = categoryTerms(db.dialect);
  const [counts, demands] = await Promise.all([
    db.all<{ platform: string; group_id: string; messages: number }>(
      `SELECT m.platform, m.group_id, count(*) AS messages FROM messages m WHERE ${where.sql}
       GROUP BY m.platform, m.group_id ORDER BY m.platform, m.group_id`,
      where.params,
    ),
    db.all<Record<string, unknown> & { platform: string; group_id: string; demands: number }>(
      `SELECT m.platform, m.group_id, count(*) AS demands, ${terms} FROM messages m
       WHERE m.mask <> 0 AND ${where.sql} GROUP BY m.platform, m.group_id`,
      where.params,
    ),
  ]);
  const byGroup = new Map(demands.map((d) => [groupKey(d.platform, d.group_id), d]));
  return counts.map((c) => {
    const d = byGroup.get(groupKey(c.platform, c.group_id));
    return { platform: c.platform, groupId: c.group_id, messages: c.messages, demands: d?.demands ?? 0, byCategory: categoryTotalsOf(d ?? {}) };
  });
}

// Demands in the member's groups (by the stored member lists) sent by someone else: `demands_group` answers it.
const MEMBER_DEMANDS = `m.platform = ? AND m.group_id IN (SELECT group_id FROM group_members WHERE platform = ? AND user_id = ?)
  AND m.mask <> 0 AND m.ts >= ? AND m.ts < ? AND m.sender_id <> ?`;

export async function memberView(db: Sql, platform: string, userId: string, period: Period & { limit?: number }): Promise<MemberView> {
  const params = [platform, platform, userId, period.from, period.to, userId];
  const d = db.dialect;
  const [groups, totals, latest] = await Promise.all([
    db.get<{ n: number }>('SELECT count(*) AS n FROM group_members WHERE platform = ? AND user_id = ?', [platform, userId]),
    db.get<Record<string, unknown> & { demands: number }>(`SELECT count(*) AS demands, ${categoryTerms(d)} FROM messages m WHERE ${MEMBER_DEMANDS}`, params),
    db.all<{ r: string }>(`SELECT ${recordSelect(d)} WHERE ${MEMBER_DEMANDS} ORDER BY m.ts DESC LIMIT ?`, [...params, period.limit ?? 20]),
  ]);
  return {
    groups: groups?.n ?? 0,
    demands: totals?.demands ?? 0,
    byCategory: countsOf(categoryTotalsOf(totals ?? {})),
    latest: parseRows(latest).map(fromRow),
  };
}
