import { groupKey, messageKey, type GroupKey } from '../../core/group-key.js';
import type { ReportRecord } from '../../core/message-record.js';
import { float64Column, int32Column } from './number-column.js';

type Demand = Pick<ReportRecord, 'platform' | 'id' | 'groupId' | 'senderId' | 'ts'>;

/**
 * The demands a report has seen, a row each: id, time, group and sender, with groups and senders
 * numbered by platform and id. A week may hold half a million; the detectors that need them share one table instead of
 * keeping a copy each.
 */
export class DemandTable {
  readonly ids: string[] = [];
  readonly groupIds: string[] = [];
  /** The platform of each numbered group, and so of its demands. */
  private readonly groupPlatforms: string[] = [];
  private readonly times = float64Column();
  private readonly groups = int32Column();
  private readonly senders = int32Column();
  private readonly groupIndex = new Map<GroupKey, number>();
  private readonly senderIndex = new Map<GroupKey, number>();

  /** Adds a demand; returns its row. */
  add(d: Demand): number {
    const key = groupKey(d.platform, d.groupId);
    let g = this.groupIndex.get(key);
    if (g === undefined) {
      this.groupIndex.set(key, (g = this.groupIds.length));
      this.groupIds.push(d.groupId);
      this.groupPlatforms.push(d.platform);
    }
    this.times.push(d.ts);
    this.groups.push(g);
    this.senders.push(this.sender(d.platform, d.senderId));
    this.ids.push(d.id);
    return this.ids.length - 1;
  }

  /** The number of a sender (of demands or not), the same every time it is asked. */
  sender(platform: string, id: string): number {
    const key = groupKey(platform, id);
    let s = this.senderIndex.get(key);
    if (s === undefined) this.senderIndex.set(key, (s = this.senderIndex.size));
    return s;
  }

  /** The key of a demand's message: its platform, group and id. */
  messageKey(row: number): GroupKey {
    const g = this.groups.get(row);
    return messageKey(this.groupPlatforms[g], this.groupIds[g], this.ids[row]);
  }

  /** The platform and id of a demand's group. */
  groupOf(row: number): { platform: string; groupId: string } {
    const g = this.groups.get(row);
    return { platform: this.groupPlatforms[g], groupId: this.groupIds[g] };
  }

  timeOf(row: number): number {
    return this.times.get(row);
  }

  senderOf(row: number): number {
    return this.senders.get(row);
  }

  /** Times, group numbers and sender numbers by row (views valid until the next add). */
  columns(): { times: Float64Array; groups: Int32Array; senders: Int32Array } {
    return { times: this.times.values(), groups: this.groups.values(), senders: this.senders.values() };
  }
}
