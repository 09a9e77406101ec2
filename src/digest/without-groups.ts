import type { ReportStore } from '../analysis/report/from-store.js';
import { groupKey, type GroupKey } from '../core/group-key.js';

/**
 * The store as a report reads it, without the messages of the groups `out` (privacy.ts leftOut), each
 * known by platform and id: another platform's group of the same id is still read.
 */
export function withoutGroups(store: ReportStore, out: ReadonlySet<GroupKey>): ReportStore {
  const kept = <T extends { platform: string; groupId: string }>(rows: readonly T[]): T[] => rows.filter((r) => !out.has(groupKey(r.platform, r.groupId)));
  return {
    groups: async (platform, groupIds) => (await store.groups(platform, groupIds)).filter((g) => !out.has(groupKey(g.platform, g.id))),
    quietCounts: async (scope) => kept(await store.quietCounts(scope)),
    async *reportRecords(scope) {
      for await (const r of store.reportRecords(scope)) if (!out.has(groupKey(r.platform, r.groupId))) yield r;
    },
    lateReplies: async (scope, from) => kept(await store.lateReplies(scope, from)),
    removedDemands: async (scope) => kept(await store.removedDemands(scope)),
    // Texts by hash, read only for the demands the report holds.
    demandTexts: (scope) => store.demandTexts(scope),
    messages: (platform, ids) => store.messages(platform, ids),
  };
}
