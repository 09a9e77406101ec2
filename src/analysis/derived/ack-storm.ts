import { groupKey, type GroupKey } from '../../core/group-key.js';
import type { ReportRecord } from '../../core/message-record.js';
import { DemandTable } from './demand-table.js';
import { DAY_MS } from '../../core/time/units.js';

/** A storm is at least this many bare acknowledgements ... */
export const ACK_STORM_MIN_ACKS = 5;
/** ... from at least this many distinct members (a single eager member is not a storm). */
export const ACK_STORM_MIN_MEMBERS = 3;
/** An ack that replies to nothing counts toward the group's most recent demand at most this long after it. */
export const ACK_WINDOW_MS = DAY_MS;

export interface AckStorm {
  message_id: string;
  acks: number;
}

type AckRecord = Pick<ReportRecord, 'platform' | 'id' | 'groupId' | 'senderId' | 'ts' | 'replyTo' | 'isAck' | 'categories'>;

/**
 * taxonomy.md's `ack-storm`, streaming: a demand followed by a run of bare acknowledgements
 * (record.isAck, reactions included) from several members. An ack counts toward the demand it
 * replies to (replyTo), else toward the most recent demand in its group within ACK_WINDOW_MS.
 * A reply to a message that is not a known demand counts toward nothing; the demand's own sender's
 * acks do not count. Records must arrive in time order within each group.
 * A report may see a million demands: they are rows of a DemandTable (shared with the duplicate
 * finder), and replies are matched to their demands at the end, so no map of every id is needed.
 */
export class AckStormDetector {
  constructor(private readonly demands = new DemandTable()) {}

  /** The latest demand's row per group. */
  private readonly latest = new Map<GroupKey, number>();
  /** Acks counted per demand, with distinct ackers kept only up to ACK_STORM_MIN_MEMBERS: more changes nothing. */
  private readonly counted = new Map<number, { acks: number; members: number[] }>();
  /** Acks replying to a message, by its key: matched in `results`. */
  private readonly replies = new Map<GroupKey, number[]>();

  /** One record; for a demand, `row` is its row when the caller has added it to the shared table. */
  add(record: AckRecord, row?: number): void {
    if (record.categories.length > 0) {
      this.latest.set(groupKey(record.platform, record.groupId), row ?? this.demands.add(record));
      return;
    }
    if (!record.isAck) return;
    const sender = this.demands.sender(record.platform, record.senderId);
    if (record.replyTo) {
      const target = groupKey(record.platform, record.replyTo);
      const list = this.replies.get(target);
      if (list) list.push(sender);
      else this.replies.set(target, [sender]);
      return;
    }
    const d = this.latest.get(groupKey(record.platform, record.groupId));
    if (d !== undefined && record.ts - this.demands.timeOf(d) <= ACK_WINDOW_MS) this.count(d, sender);
  }

  /** The storms found, most acks first. */
  results(): AckStorm[] {
    this.matchReplies();
    const storms: AckStorm[] = [];
    for (const [d, { acks, members }] of this.counted) {
      if (acks >= ACK_STORM_MIN_ACKS && members.length >= ACK_STORM_MIN_MEMBERS) storms.push({ message_id: this.demands.ids[d], acks });
    }
    return storms.sort((a, b) => b.acks - a.acks || (a.message_id < b.message_id ? -1 : a.message_id > b.message_id ? 1 : 0));
  }

  private count(d: number, sender: number): void {
    if (this.demands.senderOf(d) === sender) return;
    let c = this.counted.get(d);
    if (!c) this.counted.set(d, (c = { acks: 0, members: [] }));
    c.acks++;
    if (c.members.length < ACK_STORM_MIN_MEMBERS && !c.members.includes(sender)) c.members.push(sender);
  }

  /** Counts each reply toward its demand (the last one of that id), once. */
  private matchReplies(): void {
    if (this.replies.size === 0) return;
    const target = new Map<GroupKey, number>();
    for (let d = 0; d < this.demands.ids.length; d++) {
      const key = this.demands.messageKey(d);
      if (this.replies.has(key)) target.set(key, d);
    }
    for (const [key, senders] of this.replies) {
      const d = target.get(key);
      if (d !== undefined) for (const s of senders) this.count(d, s);
    }
    this.replies.clear();
  }
}
