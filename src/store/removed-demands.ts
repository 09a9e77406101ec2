import type { Sql } from './sql/sql.js';
import { groupsWhere } from './scope-sql.js';
import type { RemovedDemand, Scope } from './store.js';

/**
 * The schema step that lets a removed demand's tombstone keep its group and when it was sent (`sent`),
 * never what it said or who said it: enough for a report to give it the acknowledgements after it
 * (see readRemovedDemands). Other tombstones, and those written before this step, keep NULL.
 */
export const removedDemandColumns = (time: 'INTEGER' | 'BIGINT'): string => `
ALTER TABLE removed_messages ADD COLUMN group_id TEXT;
ALTER TABLE removed_messages ADD COLUMN sent ${time};
CREATE INDEX removed_demands ON removed_messages (platform, group_id, sent) WHERE sent IS NOT NULL;
`;

/**
 * The demands of a scope removed after they were sent, by group and send time, for a report's ack
 * storms: the loose acks after one answered it, not the demand before it (see
 * ../analysis/derived/ack-storm.ts). Read when the report is made, so a demand, ack or removal that
 * arrived late (a batch, another instance, a redelivery) is weighed with the rest; ingest keeps
 * nothing for it but the tombstone's group and time. Tombstones are few; the partial index serves one platform.
 */
export async function readRemovedDemands(db: Sql, scope: Scope): Promise<RemovedDemand[]> {
  const groups = groupsWhere(scope, 'r');
  const rows = await db.all<{ platform: string; group_id: string; sent: number | string }>(
    `SELECT r.platform, r.group_id, r.sent FROM removed_messages r WHERE ${['r.sent IS NOT NULL', 'r.sent >= ?', 'r.sent < ?', ...groups.terms].join(' AND ')}`,
    [scope.from, scope.to, ...groups.params],
  );
  return rows.map((row) => ({ platform: row.platform, groupId: row.group_id, ts: Number(row.sent) }));
}
