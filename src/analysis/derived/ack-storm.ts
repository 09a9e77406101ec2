import { groupKey, messageKey, type GroupKey } from '../../core/group-key.js';
import type { ReportRecord } from '../../core/message-record.js';
import { DemandTable } from './demand-table.js';
import { ACK_WINDOW_MS } from '../../core/ack-window.js';
import { float64Column, int32Column } from './number-column.js';

/** A storm is at least this many bare acknowledgements ... */
export const ACK_STORM_MIN_ACKS = 5;
/** ... from at least this many distinct members (a single eager member is not a storm). */
export const ACK_STORM_MIN_MEMBERS = 3;

export interface AckStorm {
  message_id: string;
  acks: number;
}

type AckRecord = Pick<ReportRecord, 'platform' | 'id' | 'groupId' | 'senderId' | 'ts' | 'replyTo' | 'isAck' | 'categories'>;

/**
 * taxonomy.md's `ack-storm`, streaming: a demand followed by a run of bare acknowledgements
 * (record.isAck, reactions included) from several members. An ack counts toward the demand it
 * replies to (replyTo), else toward its group's latest demand sent at or before it, at most
 * ACK_WINDOW_MS before. A reply to a message that is not a known demand counts toward nothing; the
 * demand's own sender's acks do not count. Exports need not be in time order (a JSONL file written
 * newest first finds the same storms): acks and demands are matched at the end, by time, in the
 * groups whose records came out of order, and in arrival order (already time order) in the rest.
 * A demand removed from the store (recalled) still takes the loose acks after it, up to its group's
 * next demand, but counts them toward nothing (see `addRemoved`).
 * A report may see a million demands: they are rows of a DemandTable (shared with the duplicate
 * finder), and the acks wait as numbers in typed columns, so no map of every id is needed.
 */
export class AckStormDetector {
  constructor(private readonly demands = new DemandTable()) {}

  /** Groups numbered as first seen. */
  private readonly groupIndex = new Map<GroupKey, number>();
  /**
   * Steps from one record to the next in a group, backwards and forwards in time: any step backwards
   * and the group came out of order; most of them backwards, and it came newest first.
   */
  private readonly prevTs: number[] = [];
  private readonly falls: number[] = [];
  private readonly rises: number[] = [];
  /** Demands by arrival: their row in the table, their group, their place among the records kept here. */
  private readonly demandRows = int32Column();
  private readonly demandGroups = int32Column();
  private readonly demandSeqs = int32Column();
  /** Acks that reply to nothing, by arrival: time, sender, group, place. */
  private readonly ackTimes = float64Column();
  private readonly ackSenders = int32Column();
  private readonly ackGroups = int32Column();
  private readonly ackSeqs = int32Column();
  /** Removed demands, by arrival: send time, group, and place among the records (-1: none, see `addRemoved`). */
  private readonly removedTimes = float64Column();
  private readonly removedGroups = int32Column();
  private readonly removedSeqs = int32Column();
  private seq = 0;
  private looseMatched = false;
  /** Acks counted per demand, with distinct ackers kept only up to ACK_STORM_MIN_MEMBERS: more changes nothing. */
  private readonly counted = new Map<number, { acks: number; members: number[] }>();
  /** Acks replying to a message, by its key (platform, group and id): matched in `results`. */
  private readonly replies = new Map<GroupKey, number[]>();

  /** One record; for a demand, `row` is its row when the caller has added it to the shared table. */
  add(record: AckRecord, row?: number): void {
    const demand = record.categories.length > 0;
    if (!demand && !record.isAck) return;
    if (!demand && record.replyTo) {
      // A reply is to a message of its own group: some exports number each chat's messages alike.
      const target = messageKey(record.platform, record.groupId, record.replyTo);
      const sender = this.demands.sender(record.platform, record.senderId);
      const list = this.replies.get(target);
      if (list) list.push(sender);
      else this.replies.set(target, [sender]);
      return;
    }
    const g = this.groupOf(record);
    if (demand) {
      this.demandRows.push(row ?? this.demands.add(record));
      this.demandGroups.push(g);
      this.demandSeqs.push(this.seq++);
      return;
    }
    this.ackTimes.push(record.ts);
    this.ackSenders.push(this.demands.sender(record.platform, record.senderId));
    this.ackGroups.push(g);
    this.ackSeqs.push(this.seq++);
  }

  /**
   * A demand that was removed (recalled): the loose acks after it answered it, not the demand before
   * it, so it takes them up to its group's next demand, and counts them toward nothing. It is in no
   * storm or duplicate, and a reply to its id counts toward nothing, as to any message not known.
   * Decided here, when a report reads the store, not when an ack is stored: a demand sent before
   * the acks may arrive after them. At the same send time a known demand goes after a removed one,
   * and so does an ack, unless `inOrder`: the demand came among the records, in the order they were
   * stored (a demand sent after the period), and at the same time arrival order decides, as for a
   * known demand.
   */
  addRemoved(demand: Pick<AckRecord, 'platform' | 'groupId' | 'ts'>, inOrder = false): void {
    this.removedTimes.push(demand.ts);
    this.removedGroups.push(this.indexOf(demand.platform, demand.groupId));
    this.removedSeqs.push(inOrder ? this.seq++ : -1);
  }

  /** The storms found, most acks first. */
  results(): AckStorm[] {
    return this.found().map(({ row, acks }) => ({ message_id: this.demands.ids[row], acks }));
  }

  /** The same storms by their demand's row in the table, where a report finds its group and time. */
  found(): { row: number; acks: number }[] {
    this.matchReplies();
    this.matchLooseAcks();
    const storms: { row: number; acks: number }[] = [];
    for (const [row, { acks, members }] of this.counted) {
      if (acks >= ACK_STORM_MIN_ACKS && members.length >= ACK_STORM_MIN_MEMBERS) storms.push({ row, acks });
    }
    const { ids } = this.demands;
    return storms.sort((a, b) => b.acks - a.acks || (ids[a.row] < ids[b.row] ? -1 : ids[a.row] > ids[b.row] ? 1 : 0));
  }

  private indexOf(platform: string, groupId: string): number {
    const key = groupKey(platform, groupId);
    let g = this.groupIndex.get(key);
    if (g === undefined) {
      this.groupIndex.set(key, (g = this.prevTs.length));
      this.prevTs.push(NaN); // no record yet: the first makes no step
      this.falls.push(0);
      this.rises.push(0);
    }
    return g;
  }

  /** A record's group, noting its step in time from the group's record before. */
  private groupOf(record: AckRecord): number {
    const g = this.indexOf(record.platform, record.groupId);
    if (record.ts < this.prevTs[g]) this.falls[g]++;
    else if (record.ts > this.prevTs[g]) this.rises[g]++;
    this.prevTs[g] = record.ts;
    return g;
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

  /**
   * Counts each ack that replies to nothing toward its group's latest demand at or before it. Within
   * a group, demands and acks are taken in time order. At the same time, arrival order decides (an ack
   * before a demand of the same second answered an earlier one), unless the group came mostly newest
   * first: then arrival order is backwards, and the demand goes first. An ack whose latest demand
   * was removed counts toward nothing. Once.
   */
  private matchLooseAcks(): void {
    if (this.looseMatched) return;
    this.looseMatched = true;
    const groups = this.prevTs.length;
    const demandsOf = byGroup(this.demandGroups.values(), groups);
    const acksOf = byGroup(this.ackGroups.values(), groups);
    const removedOf = byGroup(this.removedGroups.values(), groups);
    const removedTimes = this.removedTimes.values();
    const removedSeqs = this.removedSeqs.values();
    const rows = this.demandRows.values();
    const ackTimes = this.ackTimes.values();
    const senders = this.ackSenders.values();
    const demandTime = (i: number) => this.demands.timeOf(rows[i]);
    const demandSeqs = this.demandSeqs.values();
    const ackSeqs = this.ackSeqs.values();
    for (let g = 0; g < groups; g++) {
      const ds = demandsOf.order.subarray(demandsOf.start[g], demandsOf.start[g + 1]);
      const as = acksOf.order.subarray(acksOf.start[g], acksOf.start[g + 1]);
      if (ds.length === 0 || as.length === 0) continue;
      const rs = removedOf.order
        .subarray(removedOf.start[g], removedOf.start[g + 1])
        .sort((a, b) => removedTimes[a] - removedTimes[b] || removedSeqs[a] - removedSeqs[b]);
      const backwards = this.falls[g] > this.rises[g];
      if (this.falls[g] > 0) {
        ds.sort((a, b) => demandTime(a) - demandTime(b) || a - b);
        as.sort((a, b) => ackTimes[a] - ackTimes[b] || a - b);
      }
      let [p, q] = [-1, -1];
      for (const a of as) {
        const t = ackTimes[a];
        while (p + 1 < ds.length && (demandTime(ds[p + 1]) < t || (demandTime(ds[p + 1]) === t && (backwards || demandSeqs[ds[p + 1]] < ackSeqs[a])))) p++;
        while (q + 1 < rs.length && (removedTimes[rs[q + 1]] < t || (removedTimes[rs[q + 1]] === t && (backwards || removedSeqs[rs[q + 1]] < ackSeqs[a])))) q++;
        const taken = q >= 0 && p >= 0 && removedTimes[rs[q]] > demandTime(ds[p]); // by a removed demand
        if (p >= 0 && !taken && t - demandTime(ds[p]) <= ACK_WINDOW_MS) this.count(rows[ds[p]], senders[a]);
      }
    }
  }
}

/** Indices 0..n-1 grouped by their group, each group's in arrival order (a counting sort), with where each group starts. */
function byGroup(groupOf: Int32Array, groups: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (const g of groupOf) start[g + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const order = new Int32Array(groupOf.length);
  for (let i = 0; i < groupOf.length; i++) order[next[groupOf[i]]++] = i;
  return { order, start };
}
