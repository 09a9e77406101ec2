import type { ReportRecord } from '../../core/message-record.js';
import { float64Column, int32Column } from './number-column.js';

type Demand = Pick<ReportRecord, 'id' | 'groupId' | 'senderId' | 'ts'>;

/**
 * The demands a report has seen, a row each: id, time, group and sender, with groups and senders
 * numbered. A week may hold half a million; the detectors that need them share one table instead of
 * keeping a copy each.
 */
export class DemandTable {
  readonly ids: string[] = [];
  readonly groupIds: string[] = [];
  private readonly times = float64Column();
  private readonly groups = int32Column();
  private readonly senders = int32Column();
  private readonly groupIndex = new Map<string, number>();
  private readonly senderIndex = new Map<string, number>();

  /** Adds a demand; returns its row. */
  add(d: Demand): number {
    let g = this.groupIndex.get(d.groupId);
    if (g === undefined) {
      this.groupIndex.set(d.groupId, (g = this.groupIds.length));
      this.groupIds.push(d.groupId);
    }
    this.times.push(d.ts);
    this.groups.push(g);
    this.senders.push(this.sender(d.senderId));
    this.ids.push(d.id);
    return this.ids.length - 1;
  }

  /** The number of a sender (of demands or not), the same every time it is asked. */
  sender(id: string): number {
    let s = this.senderIndex.get(id);
    if (s === undefined) this.senderIndex.set(id, (s = this.senderIndex.size));
    return s;
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
