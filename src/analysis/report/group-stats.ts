import type { Config } from '../../core/config.js';
import type { GroupKey } from '../../core/group-key.js';
import { CATEGORIES } from '../../core/categories.js';
import { effectiveRecipients } from '../cost.js';

/** What the report builder counts of one group as its records stream by. */
export interface GroupStats {
  key: GroupKey;
  id: string;
  /** The name its records carry; addGroup's name wins at build time. */
  name: string | undefined;
  messages: number;
  demands: number;
  byCategory: Int32Array;
  /** Person-minutes per category from records whose recipients are known. */
  knownMinutes: Float64Array;
  /** Demands per category with unknown recipients: costed with the group's size at build time. */
  unknownDemands: Int32Array;
  /** The most recipients any record saw + 1: the group's size when nobody told us. */
  seenMembers: number;
}

export function newGroupStats(key: GroupKey, id: string, name: string | undefined): GroupStats {
  const n = CATEGORIES.length;
  return {
    key,
    id,
    name,
    messages: 0,
    demands: 0,
    byCategory: new Int32Array(n),
    knownMinutes: new Float64Array(n),
    unknownDemands: new Int32Array(n),
    seenMembers: 0,
  };
}

/** A group's person-minutes per category, its demands of unknown recipients costed at its size of `members`. */
export function minutesByCategory(g: GroupStats, members: number, costs: Config['costs']): number[] {
  const fallback = effectiveRecipients(0, members);
  return CATEGORIES.map((c, i) => g.knownMinutes[i] + g.unknownDemands[i] * fallback * costs[c]);
}
