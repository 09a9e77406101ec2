import { BulkInsert } from './bulk-insert.js';
import type { Param, Sql } from './sql/sql.js';
import type { MessageRecord } from '../core/message-record.js';
import { MESSAGE_COLUMNS, toRow } from './record-row.js';
import { groupKey } from '../core/group-key.js';
import { placeRemovedDemand, removedAmong } from './removed.js';
import { SHORTEST_RETENTION_MS } from './retention.js';

/** One queued write: a record (with the event key it came with), or an event key alone (markSeen). */
export interface BatchItem {
  record?: MessageRecord;
  platform: string;
  eventKey?: string;
  /** When the event key was seen (epoch ms; it expires with `purge`), default now. */
  seenAt?: number;
}

/** What the writer asks about a sender before it stores their record (opt-outs.ts). */
export interface SenderPrivacy {
  /** The anonymous id to store instead of an opted-out sender's, else undefined. */
  anonOf(platform: string, user: string): string | undefined;
  /** When the sender last said `forget me`, else undefined: a record sent before then is not stored. */
  forgottenAt(platform: string, user: string): number | undefined;
}

/**
 * Writes a batch inside the caller's transaction: the messages (a message already stored is
 * ignored, so redelivery stores nothing twice; one sent before its sender said `forget me` is not
 * stored at all, unless it is stored anonymously, nor one the platform removed meanwhile, whose
 * tombstone, a demand's, is given its group and time: see placeRemovedDemand), the names of their
 * senders and groups, the groups' first/last seen, and the event keys. Returns per item whether its
 * record (or, for an event key alone, the key) was new.
 */
export class BatchWriter {
  private readonly messages: BulkInsert;
  private readonly users: BulkInsert;
  private readonly groups: BulkInsert;
  private readonly seen: BulkInsert;
  /**
   * Sender names as last written, and when: a batch re-writes only names that changed, or that another
   * instance's retention purge may have taken since (see SHORTEST_RETENTION_MS). "When" is the writing
   * message's own time (never later than now), as retention purges by that: a message delivered late
   * is trusted no longer than it is kept.
   */
  private names = new Map<string, { name: string; at: number }>();

  constructor(
    private readonly db: Sql,
    private readonly senders: SenderPrivacy,
  ) {
    const d = db.dialect;
    this.messages = new BulkInsert(db, 'messages', MESSAGE_COLUMNS, `ON CONFLICT (platform, id) DO NOTHING${d.sharedWriters ? ' RETURNING platform, id' : ''}`);
    this.users = new BulkInsert(
      db,
      'chat_users',
      ['platform', 'id', 'name'],
      'ON CONFLICT (platform, id) DO UPDATE SET name = excluded.name WHERE chat_users.name IS DISTINCT FROM excluded.name',
    );
    this.groups = new BulkInsert(
      db,
      'chat_groups',
      ['platform', 'id', 'name', 'first_seen', 'last_seen'],
      `ON CONFLICT (platform, id) DO UPDATE SET name = coalesce(excluded.name, chat_groups.name),
        first_seen = ${d.least('coalesce(chat_groups.first_seen, excluded.first_seen)', 'excluded.first_seen')},
        last_seen = ${d.greatest('coalesce(chat_groups.last_seen, excluded.last_seen)', 'excluded.last_seen')}`,
    );
    this.seen = new BulkInsert(db, 'seen_events', ['platform', 'key', 'ts'], 'ON CONFLICT DO NOTHING RETURNING platform, key');
  }

  async write(items: readonly BatchItem[]): Promise<boolean[]> {
    const rows: Param[][] = [];
    const first = new Map<string, number>(); // message key → index of the item that carries it first
    const firstKey = new Map<string, number>(); // the same for event keys
    const stored: string[] = []; // per item, the key its record is stored under (an opted-out sender's id taken out)
    const users = new Map<string, { row: Param[]; at: number }>();
    const groups = new Map<string, Param[]>();
    const seen: Param[][] = [];
    const now = Date.now();
    const removed = await this.removed(items);
    for (const { record: r } of items) {
      if (r && r.categories.length > 0 && removed.has(groupKey(r.platform, r.id)))
        await placeRemovedDemand(this.db, r.platform, r.id, { group: r.groupId, sent: r.ts });
    }
    items.forEach((item, i) => {
      if (item.eventKey !== undefined && !firstKey.has(groupKey(item.platform, item.eventKey))) {
        firstKey.set(groupKey(item.platform, item.eventKey), i);
        seen.push([item.platform, item.eventKey, item.seenAt ?? now]);
      }
      const r = item.record;
      if (!r) return;
      const anon = this.senders.anonOf(r.platform, r.senderId);
      // Stored anonymously, an opted-out sender's record keeps nothing of them and still counts.
      if (!anon && r.ts <= (this.senders.forgottenAt(r.platform, r.senderId) ?? -Infinity)) return;
      const k = groupKey(r.platform, r.id);
      if (first.has(k) || removed.has(k)) return;
      first.set(k, i);
      const row = toRow(r, anon);
      rows.push(row);
      stored[i] = groupKey(r.platform, row[1] as string);
      const userKey = groupKey(r.platform, r.senderId);
      const written = this.names.get(userKey);
      if (!anon && r.senderName && (written?.name !== r.senderName || now - written.at >= SHORTEST_RETENTION_MS))
        users.set(userKey, { row: [r.platform, r.senderId, r.senderName], at: Math.min(r.ts, now) });
      if (r.groupId !== '') {
        const g = groups.get(groupKey(r.platform, r.groupId));
        if (!g) groups.set(groupKey(r.platform, r.groupId), [r.platform, r.groupId, r.groupName ?? null, r.ts, r.ts]);
        else {
          if (r.groupName) g[2] = r.groupName;
          g[3] = Math.min(g[3] as number, r.ts);
          g[4] = Math.max(g[4] as number, r.ts);
        }
      }
    });
    const inserted = await this.insertMessages(this.lockOrder(rows));
    await this.users.run(this.lockOrder([...users.values()].map((u) => u.row)));
    if (this.names.size > 100_000) this.names = new Map(); // bounded: a miss only costs one upsert
    for (const [k, { row, at }] of users) this.names.set(k, { name: row[2] as string, at });
    await this.groups.run(this.lockOrder([...groups.values()]));
    const newKeys = new Set((await this.seen.returning<{ platform: string; key: string }>(this.lockOrder(seen))).map((row) => groupKey(row.platform, row.key)));
    return items.map((item, i) => {
      const k = item.record ? groupKey(item.record.platform, item.record.id) : groupKey(item.platform, item.eventKey ?? '');
      return item.record ? first.get(k) === i && (inserted === 'all' || inserted.has(stored[i])) : firstKey.get(k) === i && newKeys.has(k);
    });
  }

  /** The keys of the batch's messages that were removed before it came (see removed.ts), one query per platform. */
  private async removed(items: readonly BatchItem[]): Promise<Set<string>> {
    const ids = new Map<string, string[]>();
    for (const { record: r } of items) if (r) (ids.get(r.platform) ?? ids.set(r.platform, []).get(r.platform)!).push(r.id);
    const keys = new Set<string>();
    for (const [platform, some] of ids) for (const id of await removedAmong(this.db, platform, some)) keys.add(groupKey(platform, id));
    return keys;
  }

  /**
   * Forgets the names it remembers as written, after something else changed names in the database
   * (forgetting or opting out a user), or after a failed batch whose names were rolled back.
   */
  forgetNames(): void {
    this.names = new Map();
  }

  /**
   * Rows sorted by key where several processes write at once: two batches sharing keys then lock
   * them in the same order, so one waits for the other instead of both deadlocking.
   */
  private lockOrder(rows: Param[][]): Param[][] {
    if (!this.db.dialect.sharedWriters) return rows;
    const key = (row: Param[]) => groupKey(row[0] as string, row[1] as string);
    return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  /**
   * Inserts message rows; 'all' when every row was new (the common case), else the keys of the new
   * ones. In SQLite RETURNING would tell too but halves the insert rate; new rows are instead those
   * whose rowid is above the largest before the insert, as nothing else writes inside this
   * transaction. Where other processes write beside this one (PostgreSQL), only RETURNING is right.
   */
  private async insertMessages(rows: readonly Param[][]): Promise<'all' | Set<string>> {
    if (this.db.dialect.sharedWriters) {
      const added = await this.messages.returning<{ platform: string; id: string }>(rows);
      return new Set(added.map((row) => groupKey(row.platform, row.id)));
    }
    const before = (await this.db.get<{ last: number | null }>('SELECT max(rowid) AS last FROM messages'))?.last ?? 0;
    if ((await this.messages.run(rows)) === rows.length) return 'all';
    const added = await this.db.all<{ platform: string; id: string }>('SELECT platform, id FROM messages WHERE rowid > ?', [before]);
    return new Set(added.map((row) => groupKey(row.platform, row.id)));
  }

  async finalize(): Promise<void> {
    for (const bulk of [this.messages, this.users, this.groups, this.seen]) await bulk.finalize();
  }
}
