import { markFalsePositive, readFalsePositives } from './feedback.js';
import type { Person } from '../core/person.js';
import type { HiddenNames } from '../core/hidden-names.js';
import { readHiddenNames } from './hidden-names.js';
import { BatchWriter, type BatchItem } from './batch-writer.js';
import { claimDelivery, readDeliveries, settleDelivery } from './deliveries.js';
import { categoryTotals, demandCount, groupTotals, memberView, quietCounts } from './aggregates.js';
import * as groups from './groups.js';
import { IdentityWriter, readIdentity } from './identities.js';
import { Ingestor } from './ingestor.js';
import { addLead, readLeads } from './leads.js';
import { readMissed, reportMissed } from './missed.js';
import { forgottenSince } from './forgotten.js';
import { feedbackCounts } from './feedback-counts.js';
import type { MessageRecord, ReportRecord } from '../core/message-record.js';
import type { OptOuts } from './opt-outs.js';
import * as privacy from './privacy.js';
import { addOptedOutMember, replaceOptedOutMembers } from './opted-out-members.js';
import { privacySalt } from './privacy-salt.js';
import { userHash } from './opt-outs.js';
import { readDemandTexts, readFlaggedByText, readLatestFlagged, readMessage, readMessages, readRecords, readReportRecords } from './record-reader.js';
import { checkRecord } from './record-row.js';
import { purge } from './retention.js';
import { removeMessage } from './removed.js';
import { readRemovedDemands } from './removed-demands.js';
import { readLateReplies } from './late-replies.js';
import { editMessage } from './edit.js';
import type { SerialWriter } from './serial-writer.js';
import type { Sql } from './sql/sql.js';
import type {
  Forgotten,
  GroupPerson,
  GroupSettings,
  GroupSupervisors,
  GroupUpsert,
  IngestOptions,
  LatestBound,
  MissedReport,
  Period,
  RemovedDemand,
  Scope,
  Store,
  QuietCount,
} from './store.js';

/** What is left to the engine once the store's queries are written: its connections' care. */
export interface StoreEngine {
  /** After an erasure is committed: SQLite empties its WAL, so no older copy of the rows stays in it. */
  afterErase(): Promise<void>;
  /** After the last write: closes the connections. */
  close(): Promise<void>;
}

/**
 * The Store on SQLite or PostgreSQL: `writer` (every write of this process, one transaction at a
 * time, batched ingest), `reader` (lookups and a report's stream of demands) and `scanner` (a report's
 * whole-period aggregates, which so run beside its stream). Readers see the last commit without
 * waiting for the writer and never a batch that is not yet durable (SQLite's WAL, PostgreSQL's MVCC).
 */
export class SqlStore implements Store {
  private readonly batches: BatchWriter;
  private readonly ingestor: Ingestor;
  private readonly identities: IdentityWriter;
  /** The privacy epoch the opt-outs in memory were read at; -1 reads them with the first batch. */
  private privacyEpoch = -1;

  constructor(
    readonly path: string,
    private readonly writer: SerialWriter,
    private readonly reader: Sql,
    private readonly scanner: Sql,
    private readonly engine: StoreEngine,
    private readonly optOuts: OptOuts,
    options: IngestOptions = {},
  ) {
    this.identities = new IdentityWriter(writer);
    this.batches = new BatchWriter(writer.db, optOuts);
    this.ingestor = new Ingestor(
      (items) =>
        this.writer
          .transaction((db) => this.writeBatch(db, items))
          .catch((err: unknown) => {
            this.batches.forgetNames();
            throw err;
          }),
      options,
    );
  }

  /** A batch, after the opt-outs are brought up to date with any other process's changes (see privacy.ts). */
  private async writeBatch(db: Sql, items: readonly BatchItem[]): Promise<boolean[]> {
    await this.refreshPrivacy(db);
    return this.batches.write(items);
  }

  /**
   * Reads the salt, opt-outs and erasures again when the privacy mark moved (any process's optout,
   * optin or forget me, or a `migrate` giving the database its salt), inside `db`'s transaction.
   * Every write that hashes a user comes here first: one under a salt no longer the database's would
   * be lost, and an opt-out under the new one not seen. `lock` as readPrivacyEpoch's.
   */
  private async refreshPrivacy(db: Sql, lock?: 'update'): Promise<void> {
    const epoch = await privacy.readPrivacyEpoch(db, lock);
    if (epoch === this.privacyEpoch) return;
    this.optOuts.replaceSalt(await privacySalt(db));
    this.optOuts.replaceHashes(await privacy.readOptOutHashes(db));
    this.optOuts.replaceForgotten(await privacy.readForgotten(db));
    this.batches.forgetNames();
    this.privacyEpoch = epoch;
  }

  async add(record: MessageRecord, eventKey?: string): Promise<boolean> {
    checkRecord(record);
    return this.ingestor.add({ record, platform: record.platform, eventKey });
  }

  flush(): Promise<void> {
    return this.ingestor.flush();
  }

  async removeMessage(platform: string, id: string): Promise<void> {
    // A batch waiting meanwhile finds the tombstone: the removal need not wait for it.
    if (await this.writer.transaction((db) => removeMessage(db, platform, id, Date.now()))) await this.engine.afterErase();
  }

  async editMessage(record: MessageRecord, editedAt?: number): Promise<boolean> {
    checkRecord(record);
    const replaced = await this.writer.transaction(async (db) => {
      // Whether its sender opted out, as the opt-outs stand now, whichever process changed them.
      await this.refreshPrivacy(db);
      return editMessage(db, record, (sender) => this.optOuts.anonOf(record.platform, sender), editedAt);
    });
    if (replaced) await this.engine.afterErase();
    return replaced !== undefined;
  }

  async seen(platform: string, key: string): Promise<boolean> {
    return (await this.seenAt(platform, key)) !== undefined;
  }

  async seenAt(platform: string, key: string): Promise<number | undefined> {
    if (this.ingestor.isPending(platform, key)) return Date.now();
    const row = await this.reader.get<{ ts: number | string }>('SELECT ts FROM seen_events WHERE platform = ? AND key = ?', [platform, key]);
    return row && Number(row.ts);
  }

  markSeen(platform: string, key: string, ts?: number): Promise<boolean> {
    return this.ingestor.add({ platform, eventKey: key, seenAt: ts });
  }

  async unmarkSeen(platform: string, key: string, ts?: number): Promise<void> {
    await this.ingestor.flush(); // a mark still waiting in a batch is committed first, then removed
    const [sql, params] =
      ts === undefined
        ? ['DELETE FROM seen_events WHERE platform = ? AND key = ?', [platform, key]]
        : ['DELETE FROM seen_events WHERE platform = ? AND key = ? AND ts = ?', [platform, key, ts]];
    await this.writer.transaction((db) => db.run(sql, params));
  }

  records(scope: Scope): AsyncIterable<MessageRecord> {
    return readRecords(this.reader, scope);
  }

  quietCounts(scope: Scope): Promise<QuietCount[]> {
    return quietCounts(this.scanner, scope);
  }

  reportRecords(scope: Scope): AsyncIterable<ReportRecord> {
    return readReportRecords(this.reader, scope);
  }

  lateReplies(scope: Scope, from: number): Promise<ReportRecord[]> {
    return readLateReplies(this.reader, scope, from);
  }

  removedDemands(scope: Scope): Promise<RemovedDemand[]> {
    return readRemovedDemands(this.reader, scope);
  }

  demandTexts(scope: Scope): Promise<{ hash: string; text: string }[]> {
    return readDemandTexts(this.scanner, scope);
  }

  message(platform: string, id: string): Promise<MessageRecord | undefined> {
    return readMessage(this.reader, platform, id);
  }

  messages(platform: string, ids: readonly string[]): Promise<MessageRecord[]> {
    return readMessages(this.reader, platform, ids);
  }

  latestFlagged(platform: string, groupId: string, upTo: LatestBound): Promise<MessageRecord | undefined> {
    return readLatestFlagged(this.reader, platform, groupId, upTo);
  }

  flaggedByText(platform: string, groupId: string, senderId: string, text: string): Promise<MessageRecord | undefined> {
    return readFlaggedByText(this.reader, platform, groupId, senderId, text);
  }

  demandCount(scope: Scope) {
    return demandCount(this.reader, scope);
  }

  categoryTotals(scope: Scope) {
    return categoryTotals(this.reader, scope);
  }

  groupTotals(scope: Scope) {
    return groupTotals(this.reader, scope);
  }

  memberView(platform: string, userId: string, period: Period & { limit?: number }) {
    return memberView(this.reader, platform, userId, period);
  }

  upsertGroup(group: GroupUpsert): Promise<void> {
    return this.writer.transaction(async (db) => {
      // The platform's roster still lists whoever opted out or said `forget me`, and either may speak:
      // their id is not written back (README: it leaves member lists), though they still count among the
      // group's readers. An opted-out member is noted by hash, for `optin` to put back.
      await this.refreshPrivacy(db);
      const { platform, id, memberIds, speakerId } = group;
      const out = (user: string) => this.optOuts.anonOf(platform, user) !== undefined;
      const listed = (users: readonly string[]) => users.filter((user) => this.optOuts.forgottenAt(platform, user) === undefined);
      const members = memberIds && listed(memberIds);
      const speakers = speakerId === undefined ? [] : listed([speakerId]);
      const hashes = (users: readonly string[]) => users.filter(out).map((user) => this.optOuts.hash(platform, user));
      await groups.upsertGroup(db, {
        ...group,
        memberIds: members?.filter((user) => !out(user)),
        memberCount: group.memberCount ?? memberIds?.length,
        speakerId: speakers.find((user) => !out(user)),
      });
      if (members) await replaceOptedOutMembers(db, platform, id, hashes(members));
      for (const hash of hashes(speakers)) await addOptedOutMember(db, platform, id, hash);
    });
  }

  async group(platform: string, id: string) {
    const [found] = await groups.readGroups(this.reader, { platform, groupIds: [id] });
    if (!found) return undefined;
    const { platform: _, ...info } = found;
    return info;
  }

  groups(platform?: string, groupIds?: readonly string[]) {
    return groups.readGroups(this.reader, { platform, groupIds });
  }

  peopleOf(scope: Scope): Promise<Person[]> {
    return groups.readPeople(this.reader, scope);
  }

  groupPeople(scope: Pick<Scope, 'platform' | 'groupIds'>): Promise<GroupPerson[]> {
    return groups.readGroupPeople(this.reader, scope);
  }

  hiddenNames(): Promise<HiddenNames> {
    return readHiddenNames(this.reader);
  }

  groupSettings(platform: string, id: string): Promise<GroupSettings> {
    return groups.readGroupSettings(this.reader, platform, id);
  }

  groupSupervisors(): Promise<GroupSupervisors[]> {
    return groups.readGroupSupervisors(this.reader);
  }

  updateGroupSettings(platform: string, id: string, change: (s: GroupSettings) => GroupSettings | undefined): Promise<GroupSettings | undefined> {
    return this.writer.transaction((db) => groups.updateGroupSettings(db, platform, id, change));
  }

  async mergeGroup(platform: string, fromId: string, toId: string): Promise<void> {
    await this.ingestor.flush(); // messages of the old id waiting in a batch move too
    // An erasure's deadline: it moves every message of the group.
    await this.writer.transaction((db) => groups.mergeGroup(db, platform, fromId, toId), 'erasure');
  }

  markFalsePositive(platform: string, messageId: string, rule: string | null, byUser: string, doneKey?: string): Promise<boolean> {
    return this.writer.transaction(async (db) => {
      // An opted-out member's correction keeps their anonymous id, as their messages do (and matches it
      // when it is their own), read as the opt-outs stand now, whichever process changed them.
      await this.refreshPrivacy(db);
      return markFalsePositive(db, platform, messageId, rule, this.optOuts.anonOf(platform, byUser) ?? byUser, Date.now(), doneKey);
    });
  }

  addLead(platform: string, groupId: string | null, text: string, ts: number, doneKey?: string): Promise<void> {
    return this.writer.transaction((db) => addLead(db, platform, groupId, text, ts, doneKey));
  }

  falsePositives() {
    return readFalsePositives(this.reader);
  }

  reportMissed(report: MissedReport): Promise<boolean> {
    return this.writer.transaction(async (db) => {
      await this.refreshPrivacy(db);
      const hash = this.optOuts.hash(report.platform, report.senderId);
      // A reporter who opted out is kept under their anonymous id, as a correction is (markFalsePositive).
      const byUser = this.optOuts.anonOf(report.platform, report.byUser) ?? report.byUser;
      return reportMissed(db, { ...report, byUser }, hash, Date.now());
    });
  }

  async forgottenSince(platform: string, user: string, since: number): Promise<boolean> {
    return forgottenSince(this.reader, platform, await this.hashNow(platform, user), since);
  }

  /** A user's hash under the salt the database has now, for a read (see refreshPrivacy). */
  private async hashNow(platform: string, user: string): Promise<string> {
    return userHash(await privacySalt(this.reader), platform, user);
  }

  missedDemands() {
    return readMissed(this.reader);
  }

  feedbackCounts(scope: Scope) {
    return feedbackCounts(this.reader, scope);
  }

  leads(period: Period) {
    return readLeads(this.reader, period);
  }

  async setOptOut(platform: string, user: string, optedOut: boolean): Promise<void> {
    await this.writer.transaction(async (db) => {
      await this.refreshPrivacy(db, 'update');
      await privacy.setOptOut(db, platform, user, this.optOuts.hash(platform, user), optedOut);
    });
  }

  async isOptedOut(platform: string, user: string): Promise<boolean> {
    return privacy.isOptedOut(this.reader, platform, await this.hashNow(platform, user));
  }

  async forgetUser(platform: string, user: string): Promise<Forgotten> {
    await this.ingestor.flush(); // records of this user waiting in a batch must be forgotten too
    // An erasure's deadline: one cut short at the event path's 20 s would fail every time it is asked again.
    const forgotten = await this.writer.transaction(async (db) => {
      await this.refreshPrivacy(db, 'update');
      return privacy.forgetUser(db, platform, user, this.optOuts.hash(platform, user), Date.now());
    }, 'erasure');
    this.optOuts.forget(platform, user);
    await this.engine.afterErase();
    return forgotten;
  }

  identityGet(platform: string, key: string): Promise<string | undefined> {
    return readIdentity(this.reader, platform, key);
  }

  identityPut(platform: string, key: string, stableId: string): Promise<void> {
    return this.identities.put(platform, key, stableId);
  }

  async purge(beforeTs: number): Promise<number> {
    await this.ingestor.flush();
    const purged = await purge(this.writer, this.reader, beforeTs);
    // Names it took for written may be gone: a sender back after the retention period is named again.
    this.batches.forgetNames();
    return purged;
  }

  claimDelivery(platform: string, user: string, week: string, now: number): Promise<boolean> {
    return this.writer.transaction((db) => claimDelivery(db, platform, user, week, now));
  }

  settleDelivery(platform: string, user: string, week: string, error: string | null, now: number): Promise<void> {
    return this.writer.transaction((db) => settleDelivery(db, platform, user, week, error, now));
  }

  deliveries(platform: string, user: string) {
    return readDeliveries(this.reader, platform, user);
  }

  async close(): Promise<void> {
    await this.ingestor.close();
    await this.writer.idle();
    await this.batches.finalize();
    await this.engine.close();
  }
}
