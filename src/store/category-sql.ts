import { CATEGORIES, zeroByCategory } from '../core/categories.js';
import type { Dialect } from './sql/dialect.js';
import type { CategoryTotals } from './store.js';

/** The people group `g`'s member list has known: listed, opted out (listed by hash) or forgotten (a count). */
const KNOWN_MEMBERS = `((SELECT count(*) FROM group_members gm WHERE gm.platform = g.platform AND gm.group_id = g.id)
  + (SELECT count(*) FROM opted_out_members o WHERE o.platform = g.platform AND o.group_id = g.id) + g.forgotten_members)`;

/**
 * Whom a demand reached: its recorded recipients, or when those are unknown (0) its group's members
 * − 1 and at least one, as analysis/cost.ts costs it: where the platform gives no size (DingTalk),
 * those stored for speaking there. The subqueries only run for such messages (CASE is lazy).
 */
const recipients = (d: Dialect) => `CASE WHEN m.recipients > 0 THEN m.recipients ELSE
  coalesce((SELECT ${d.greatest(`coalesce(g.member_count, ${KNOWN_MEMBERS}) - 1`, '1')} FROM chat_groups g WHERE g.platform = m.platform AND g.id = m.group_id), 1) END`;

/** Per category k, the columns c<k> (demands) and r<k> (recipients) of one aggregate over `messages m`. */
export function categoryTerms(d: Dialect): string {
  return CATEGORIES.map((_, k) => `sum((m.mask >> ${k}) & 1) AS c${k}, sum(CASE WHEN (m.mask >> ${k}) & 1 = 1 THEN ${recipients(d)} END) AS r${k}`).join(', ');
}

export function categoryTotalsOf(row: Record<string, unknown>): CategoryTotals {
  const totals = {} as CategoryTotals;
  CATEGORIES.forEach((c, k) => {
    totals[c] = { count: Number(row[`c${k}`] ?? 0), recipients: Number(row[`r${k}`] ?? 0) };
  });
  return totals;
}

export function countsOf(totals: CategoryTotals): ReturnType<typeof zeroByCategory> {
  const counts = zeroByCategory();
  for (const c of CATEGORIES) counts[c] = totals[c].count;
  return counts;
}
