import type { Db } from './db.js';
import { CATEGORY_TERMS, categoryTotalsOf, countsOf } from './category-sql.js';
import { fromRow, recordSelect, type MessageRow } from './record-row.js';
import { scopeWhere } from './scope-sql.js';
import type { CategoryTotals, GroupTotals, MemberView, Period, Scope } from './store.js';

/** Per category: demands and recipients, in one query along the partial index of demands. */
export async function categoryTotals(db: Db, scope: Scope): Promise<CategoryTotals> {
  const where = scopeWhere(scope);
  const row = await db.get<Record<string, unknown>>(`SELECT ${CATEGORY_TERMS} FROM messages m WHERE m.mask <> 0 AND ${where.sql}`, where.params);
  return categoryTotalsOf(row ?? {});
}

/** Per group with messages in the scope: messages, demands and per-category totals. */
export async function groupTotals(db: Db, scope: Scope): Promise<GroupTotals[]> {
  const where = scopeWhere(scope);
  const rows = await db.all<Record<string, unknown> & { platform: string; group_id: string; messages: number; demands: number }>(
    `SELECT m.platform, m.group_id, count(*) AS messages, sum(m.mask <> 0) AS demands, ${CATEGORY_TERMS}
     FROM messages m WHERE ${where.sql} GROUP BY m.platform, m.group_id ORDER BY m.platform, m.group_id`,
    where.params,
  );
  return rows.map((r) => ({ platform: r.platform, groupId: r.group_id, messages: r.messages, demands: r.demands, byCategory: categoryTotalsOf(r) }));
}

// Demands in the member's groups (by the stored member lists) sent by someone else: `demands_group` answers it.
const MEMBER_DEMANDS = `m.platform = ? AND m.group_id IN (SELECT group_id FROM group_members WHERE platform = ? AND user_id = ?)
  AND m.mask <> 0 AND m.ts >= ? AND m.ts < ? AND m.sender_id <> ?`;

export async function memberView(db: Db, platform: string, userId: string, period: Period & { limit?: number }): Promise<MemberView> {
  const params = [platform, platform, userId, period.from, period.to, userId];
  const [groups, totals, latest] = await Promise.all([
    db.get<{ n: number }>('SELECT count(*) AS n FROM group_members WHERE platform = ? AND user_id = ?', [platform, userId]),
    db.get<Record<string, unknown> & { demands: number }>(`SELECT count(*) AS demands, ${CATEGORY_TERMS} FROM messages m WHERE ${MEMBER_DEMANDS}`, params),
    db.all<MessageRow>(`SELECT ${recordSelect()} WHERE ${MEMBER_DEMANDS} ORDER BY m.ts DESC LIMIT ?`, [...params, period.limit ?? 20]),
  ]);
  return {
    groups: groups?.n ?? 0,
    demands: totals?.demands ?? 0,
    byCategory: countsOf(categoryTotalsOf(totals ?? {})),
    latest: latest.map(fromRow),
  };
}
