import type { MessageRecord } from '../store/message-record.js';

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

interface DemandAcks {
  id: string;
  senderId: string;
  ts: number;
  acks: number;
  /** Distinct ackers, kept only up to ACK_STORM_MIN_MEMBERS: more changes nothing. */
  members: string[] | null;
}

/**
 * taxonomy.md's `ack-storm`, streaming: a demand followed by a run of bare acknowledgements
 * (record.isAck, reactions included) from several members. An ack counts toward the demand it
 * replies to (replyTo), else toward the most recent demand in its group within ACK_WINDOW_MS.
 * A reply to a message that is not a known demand counts toward nothing; the demand's own sender's
 * acks do not count. Records must arrive in time order within each group.
 */
export class AckStormDetector {
  private readonly byId = new Map<string, DemandAcks>();
  private readonly latest = new Map<string, DemandAcks>();

  add(record: Pick<MessageRecord, 'id' | 'groupId' | 'senderId' | 'ts' | 'replyTo' | 'isAck' | 'categories'>): void {
    if (record.categories.length > 0) {
      const demand: DemandAcks = { id: record.id, senderId: record.senderId, ts: record.ts, acks: 0, members: null };
      this.byId.set(record.id, demand);
      this.latest.set(record.groupId, demand);
      return;
    }
    if (!record.isAck) return;
    const target = record.replyTo ? this.byId.get(record.replyTo) : this.latest.get(record.groupId);
    if (!target || target.senderId === record.senderId) return;
    if (!record.replyTo && record.ts - target.ts > ACK_WINDOW_MS) return;
    target.acks++;
    const members = (target.members ??= []);
    if (members.length < ACK_STORM_MIN_MEMBERS && !members.includes(record.senderId)) members.push(record.senderId);
  }

  /** The storms found, most acks first. */
  results(): AckStorm[] {
    const storms: AckStorm[] = [];
    for (const d of this.byId.values()) {
      if (d.acks >= ACK_STORM_MIN_ACKS && d.members !== null && d.members.length >= ACK_STORM_MIN_MEMBERS) {
        storms.push({ message_id: d.id, acks: d.acks });
      }
    }
    return storms.sort((a, b) => b.acks - a.acks || (a.message_id < b.message_id ? -1 : a.message_id > b.message_id ? 1 : 0));
  }
}
