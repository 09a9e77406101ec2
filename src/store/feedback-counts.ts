import { scopeWhere } from './scope-sql.js';
import type { Sql } from './sql/sql.js';
import type { FeedbackCounts, Scope } from './store.js';

/**
 * How many of the scope's messages members corrected ("not formalism") and reported missed, each
 * message once however many members spoke: what a digest says of how far its flags were disputed.
 * A message already purged is out of every scope.
 */
export async function feedbackCounts(db: Sql, scope: Scope): Promise<FeedbackCounts> {
  const { sql, params } = scopeWhere(scope);
  // From the feedback side: it is small, and each of its rows finds its message by the primary key.
  const distinct = (table: string, also = '') =>
    `SELECT count(*) FROM (SELECT DISTINCT x.platform, x.message_id FROM ${table} x JOIN messages m ON m.platform = x.platform AND m.id = x.message_id WHERE ${sql}${also}) q`;
  const row = await db.get<{ corrected: number; missed: number; by_sender: number }>(
    `SELECT (${distinct('feedback')}) AS corrected, (${distinct('missed_demands')}) AS missed, (${distinct('feedback', ' AND x.by_user = m.sender_id')}) AS by_sender`,
    [...params, ...params, ...params],
  );
  return { corrected: Number(row?.corrected ?? 0), missed: Number(row?.missed ?? 0), correctedBySender: Number(row?.by_sender ?? 0) };
}
