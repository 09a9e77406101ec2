import { groupKey, type GroupKey } from '../../core/group-key.js';
import { findSprawl } from '../derived/group-sprawl.js';
import type { GroupRef } from './details.js';

/** Groups sharing most members, by platform and id, among those whose members are known. */
export function sprawlOf(
  groups: ReadonlyMap<GroupKey, { platform: string; id: string; memberIds?: readonly string[] }>,
): { groups: GroupRef[]; overlap: number }[] {
  // Found by key, as two platforms' groups may share an id; members too are people of one platform.
  const withMembers = [...groups.entries()].flatMap(([key, g]) =>
    g.memberIds ? [{ id: key, memberIds: g.memberIds.map((m) => groupKey(g.platform, m)) }] : [],
  );
  const ref = (key: string): GroupRef => {
    const { platform, id } = groups.get(key as GroupKey)!;
    return { platform, id };
  };
  return findSprawl(withMembers).map(({ groups: found, overlap }) => ({ groups: found.map(ref), overlap }));
}
