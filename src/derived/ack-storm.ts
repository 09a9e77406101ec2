import type { ReportRecord } from '../store/message-record.js';

/** A storm is at least this many bare acknowledgements ... */
export const ACK_STORM_MIN_ACKS = 5;
/** ... from at least this many distinct members (a single eager member is not a storm). */
export const ACK_STORM_MIN_MEMBERS = 3;
/** An ack that replies to nothing counts toward the group's most recent demand at most this long after it. */
export const ACK_WINDOW_MS = 24 * 3_600_000;

export interface AckStorm {
  message_id: string;
  acks: number;
}

/**
 * taxonomy.md's `ack-storm`, streaming: a demand followed by a run of bare acknowledgements
 * (record.isAck, reactions included) from several members. An ack counts toward the demand it
 * replies to (replyTo), else toward the most recent demand in its group within ACK_WINDOW_MS.
 * A reply to a message that is not a known demand counts toward nothing; the demand's own sender's
 * acks do not count. Records must arrive in time order within each group.
 * Demands are kept as an index entry and three numbers each (a report may see half a million).
 */
export class AckStormDetector {
  private readonly byId = new Map<string, number>();
  private readonly latest = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly senders: string[] = [];
  private readonly times: number[] = [];
  private readonly acks: number[] = [];
  /** Distinct ackers per demand, kept only up to ACK_STORM_MIN_MEMBERS: more changes nothing. */
  private readonly members = new Map<number, string[]>();

  add(record: Pick<ReportRecord, 'id' | 'groupId' | 'senderId' | 'ts' | 'replyTo' | 'isAck' | 'categories'>): void {
    if (record.categories.length > 0) {
      const d = this.ids.length;
      this.ids.push(record.id);
      this.senders.push(record.senderId);
      this.times.push(record.ts);
      this.acks.push(0);
      this.byId.set(record.id, d);
      this.latest.set(record.groupId, d);
      return;
    }
    if (!record.isAck) return;
    const d = record.replyTo ? this.byId.get(record.replyTo) : this.latest.get(record.groupId);
    if (d === undefined || this.senders[d] === record.senderId) return;
    if (!record.replyTo && record.ts - this.times[d] > ACK_WINDOW_MS) return;
    this.acks[d]++;
    let members = this.members.get(d);
    if (!members) this.members.set(d, (members = []));
    if (members.length < ACK_STORM_MIN_MEMBERS && !members.includes(record.senderId)) members.push(record.senderId);
  }

  /** The storms found, most acks first. */
  results(): AckStorm[] {
    const storms: AckStorm[] = [];
    for (const [d, members] of this.members) {
      if (this.acks[d] >= ACK_STORM_MIN_ACKS && members.length >= ACK_STORM_MIN_MEMBERS) {
        storms.push({ message_id: this.ids[d], acks: this.acks[d] });
      }
    }
    return storms.sort((a, b) => b.acks - a.acks || (a.message_id < b.message_id ? -1 : a.message_id > b.message_id ? 1 : 0));
  }
}
