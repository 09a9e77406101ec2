import { DiceCoefficient } from 'natural/lib/natural/distance/index.js';
import { normalize } from '../../engine/normalize.js';
import type { ReportRecord } from '../../core/message-record.js';
import { bandKeys } from './minhash.js';
import { DemandTable } from './demand-table.js';
import { int32Column } from './number-column.js';
import { UnionFind } from './union-find.js';
import { WEEK_MS } from '../../core/time/units.js';

/** Two demands are "nearly the same" at this Dice coefficient over character bigrams of their normalised texts. */
export const DUPLICATE_MIN_SIMILARITY = 0.8;
/** ... and duplicate each other when sent at most this far apart (7 days, inclusive). */
export const DUPLICATE_WINDOW_MS = WEEK_MS;
/** A new text is compared with at most this many earlier texts per LSH bucket: chains, never all pairs. */
const CHAIN = 3;

export interface Duplicate {
  message_ids: string[];
  groups: string[];
}

type DemandRecord = Pick<ReportRecord, 'platform' | 'id' | 'groupId' | 'senderId' | 'ts' | 'hash' | 'text' | 'categories'>;

/**
 * The form two demands are compared in: the normalised text with every run of digits read as one "0",
 * so the same request with another date, count or serial number ("第3周", "#1024") is the same text.
 * A record's `hash` is a hash of this form (see textHash).
 */
export function skeleton(text: string): string {
  return normalize(text).replace(/[0-9]+/g, '0');
}

/**
 * taxonomy.md's `duplicate-request` (多头填报): the same or nearly the same demand sent in two or more
 * groups, or by two or more senders, within DUPLICATE_WINDOW_MS. Each demand is kept as a few numbers;
 * each distinct hash once, with the skeleton of a text it came with (records without text may bring
 * it later through `addText`). At the end, demands of one hash are chained in time order, distinct
 * hashes are paired through MinHash LSH buckets over their skeletons and checked with natural's Dice
 * coefficient, and each similar pair links its occurrences that lie within the window; clusters are
 * the connected parts.
 */
export class DuplicateDetector {
  constructor(private readonly demands = new DemandTable()) {}

  /** The hash index of each demand, by its row in the table. */
  private readonly textOf = int32Column();
  private readonly byHash = new Map<string, number>();
  /** Skeleton texts by hash index; null while no text of the hash is known (compared by hash only). */
  private readonly texts: (string | null)[] = [];

  /** One record; for a demand, `row` is its row when the caller has added it to the shared table. */
  add(record: DemandRecord, row?: number): void {
    if (record.categories.length === 0) return;
    const t = record.text ? this.addText(record.hash, record.text) : this.hashIndex(record.hash);
    // Every demand of the table comes here, in its order: the rows and this detector's entries align.
    if ((row ?? this.demands.add(record)) !== this.textOf.length) throw new Error(`demand ${record.id} is out of step with the demand table`);
    this.textOf.push(t);
  }

  /** Tells the text of demands with this hash; returns the hash's index. */
  addText(hash: string, text: string): number {
    const t = this.hashIndex(hash);
    if (this.texts[t] === null) this.texts[t] = skeleton(text);
    return t;
  }

  private hashIndex(hash: string): number {
    let t = this.byHash.get(hash);
    if (t === undefined) {
      this.byHash.set(hash, (t = this.texts.length));
      this.texts.push(null);
    }
    return t;
  }

  /** The clusters, largest first, each with ids in time order and its distinct groups sorted. */
  results(): Duplicate[] {
    return this.found().map(({ rows, groups }) => ({ message_ids: rows.map((r) => this.demands.ids[r]), groups: groups.map((g) => g.groupId) }));
  }

  /** The same clusters with their demands' rows in the table, where a report finds their times, and their groups by platform. */
  found(): { rows: number[]; groups: { platform: string; groupId: string }[] }[] {
    const occurrences = this.occurrencesByText(this.demands.columns().times);
    const uf = new UnionFind(this.textOf.length);
    for (const list of occurrences) this.linkWithinWindow(uf, list, list);
    for (const [a, b] of this.similarTextPairs(occurrences)) this.linkWithinWindow(uf, occurrences[a], occurrences[b]);
    return this.clusters(uf);
  }

  /** Demand indices per text, each list in time order. */
  private occurrencesByText(times: Float64Array): number[][] {
    const lists: number[][] = this.texts.map(() => []);
    const textOf = this.textOf.values();
    for (let i = 0; i < textOf.length; i++) lists[textOf[i]].push(i);
    const byTime = (a: number, b: number) => times[a] - times[b] || a - b;
    for (const list of lists) list.sort(byTime);
    return lists;
  }

  /**
   * Links each occurrence in `a` to the nearest occurrence in `b` when they are within the window
   * (for a = b: each to the next one). Both lists are in time order, so one merge pass does it.
   */
  private linkWithinWindow(uf: UnionFind, a: number[], b: number[]): void {
    const t = this.demands.columns().times;
    if (a === b) {
      for (let i = 1; i < a.length; i++) if (t[a[i]] - t[a[i - 1]] <= DUPLICATE_WINDOW_MS) uf.union(a[i - 1], a[i]);
      return;
    }
    let j = 0;
    for (const x of a) {
      while (j + 1 < b.length && t[b[j + 1]] <= t[x]) j++;
      // b[j] is the last one at or before x (or the first of all); b[j + 1] the first after.
      for (const y of [b[j], b[j + 1]]) {
        if (y !== undefined && Math.abs(t[y] - t[x]) <= DUPLICATE_WINDOW_MS) uf.union(x, y);
      }
    }
  }

  /** Pairs of distinct texts with Dice >= DUPLICATE_MIN_SIMILARITY, found through LSH buckets in time order. */
  private similarTextPairs(occurrences: number[][]): [number, number][] {
    const order = this.texts.map((_, i) => i).filter((i) => this.texts[i] !== null && occurrences[i].length > 0);
    const t = this.demands.columns().times;
    order.sort((a, b) => t[occurrences[a][0]] - t[occurrences[b][0]] || a - b);
    const buckets = new Map<number, number[]>();
    const checked = new Set<number>();
    const pairs: [number, number][] = [];
    const n = this.texts.length;
    for (const x of order) {
      const text = this.texts[x]!;
      for (const key of bandKeys(text)) {
        let chain = buckets.get(key);
        if (!chain) buckets.set(key, (chain = []));
        for (let k = chain.length - 1; k >= 0 && k >= chain.length - CHAIN; k--) {
          const y = chain[k];
          const pairKey = y * n + x;
          if (checked.has(pairKey)) continue;
          checked.add(pairKey);
          if (DiceCoefficient(text, this.texts[y]!) >= DUPLICATE_MIN_SIMILARITY) pairs.push([y, x]);
        }
        chain.push(x);
      }
    }
    return pairs;
  }

  private clusters(uf: UnionFind): { rows: number[]; groups: { platform: string; groupId: string }[] }[] {
    const members = new Map<number, number[]>();
    for (let i = 0; i < this.textOf.length; i++) {
      const root = uf.find(i);
      const list = members.get(root);
      if (list) list.push(i);
      else members.set(root, [i]);
    }
    const found: { first: number; rows: number[]; groups: { platform: string; groupId: string }[] }[] = [];
    const { times: t, groups: groupOf, senders: senderOf } = this.demands.columns();
    const { ids } = this.demands;
    for (const list of members.values()) {
      if (list.length < 2) continue;
      // A row of each group, which names its platform and id.
      const groups = new Map(list.map((i) => [groupOf[i], i]));
      const senders = new Set(list.map((i) => senderOf[i]));
      if (groups.size < 2 && senders.size < 2) continue;
      list.sort((a, b) => t[a] - t[b] || (ids[a] < ids[b] ? -1 : 1));
      const named = [...groups.values()].map((row) => this.demands.groupOf(row));
      found.push({ first: t[list[0]], rows: list, groups: named.sort((a, b) => cmp(a.groupId, b.groupId) || cmp(a.platform, b.platform)) });
    }
    found.sort((a, b) => b.rows.length - a.rows.length || a.first - b.first);
    return found.map(({ rows, groups }) => ({ rows, groups }));
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
