import type { Category } from '../core/categories.js';
import type { Person } from '../core/person.js';
import type { HiddenNames } from '../core/hidden-names.js';
import type { MessageRecord, ReportRecord } from '../core/message-record.js';
import type { Lang } from '../core/lang.js';

/** A half-open time range [from, to) in epoch milliseconds. */
export interface Period {
  from: number;
  to: number;
}

/** A period, optionally narrowed to one platform and/or some group ids. */
export interface Scope extends Period {
  platform?: string;
  groupIds?: readonly string[];
}

/** A demand removed (recalled) after it was sent: its group and send time, never its text or sender. */
export interface RemovedDemand {
  platform: string;
  groupId: string;
  ts: number;
}

/** Quiet messages of one group in a scope. */
export interface QuietCount {
  platform: string;
  groupId: string;
  messages: number;
  /** The most recipients any of them had (0 when unknown): a lower bound of the group's size. */
  maxRecipients: number;
  firstTs: number;
  lastTs: number;
}

/** Demands of one category: how many, and how many recipients they reached in all. */
export interface CategoryTotal {
  count: number;
  recipients: number;
}

export type CategoryTotals = Record<Category, CategoryTotal>;

export interface GroupTotals {
  platform: string;
  groupId: string;
  messages: number;
  demands: number;
  byCategory: CategoryTotals;
}

/** What a member sees of the demands addressed to them: other people's demands in their groups. */
export interface MemberView {
  groups: number;
  demands: number;
  byCategory: Record<Category, number>;
  /** The latest demands first, at most `limit` of them. */
  latest: MessageRecord[];
}

/** A group as the adapter knows it; absent fields keep what is stored. */
export interface GroupUpsert {
  platform: string;
  id: string;
  name?: string;
  memberCount?: number;
  memberIds?: readonly string[];
  /**
   * Someone seen speaking in a group whose platform lists no members (DingTalk): added to the stored
   * list, never replacing it nor giving the group a size, so that the list is the people known to be in it.
   */
  speakerId?: string;
  /** When the group was seen (epoch ms): widens first/last seen. */
  seenAt?: number;
}

/** Someone a group knows (listed, or who wrote in it), with the group: see Store.groupPeople. */
export interface GroupPerson extends Person {
  platform: string;
  groupId: string;
}

/** A group's supervisors as its settings name them: see Store.groupSupervisors. */
export interface GroupSupervisors {
  platform: string;
  id: string;
  supervisors: string[];
}

/** A group as reports want it: `members` is the member count (0 when unknown). */
export interface GroupInfo {
  id: string;
  name: string;
  members: number;
  memberIds: string[];
  /** Members its list no longer names: opted out (kept by hash) or forgotten (a count). Where `members` is 0 the size is these and `memberIds`. */
  unlisted: number;
  firstSeen: number | null;
  lastSeen: number | null;
}

/** Whether the bot receives every message of a group or only those addressed to it. */
export type Coverage = 'full' | 'mentions-only';

export interface GroupSettings {
  /** silent: count only; nudge: answer a demand in the group. */
  mode: 'silent' | 'nudge';
  disabledRules: string[];
  /** What the bot sees of the group: every message, or only those that @-mention it (DingTalk robots). */
  coverage?: Coverage;
  language?: Lang;
  /** Supervisors (user ids) subscribed to this group's digest by its admins. */
  supervisors?: string[];
}

export interface Lead {
  platform: string;
  groupId: string | null;
  text: string;
  ts: number;
}

export interface IngestOptions {
  /** Commit once this many records wait... */
  batchSize?: number;
  /** ...or once the oldest has waited this long. */
  maxDelayMs?: number;
}

/** A "not formalism" feedback: the message it corrected, as the feedback kept it. */
export interface FalsePositive {
  platform: string;
  messageId: string;
  /** The rule whose findings it dropped; null for all of them. */
  rule: string | null;
  ts: number;
  /** Null once the sender asked to be forgotten. */
  text: string | null;
  /** The categories the message is still flagged for; null when the message was purged. */
  flaggedFor: Category[] | null;
}

/** A member's report that the bot missed a demand: what `reportMissed` keeps. */
export interface MissedReport {
  platform: string;
  messageId: string;
  /** The message's sender, so that forgetting them erases the text kept here too. */
  senderId: string;
  byUser: string;
  /** null for a message stored without its text (its sender opted out or was forgotten). */
  text: string | null;
  categories: Category[];
  /** When the message was sent (epoch ms): a sender forgotten since then keeps no report of it. */
  sentAt: number;
}

/** A reported missed demand as `missedDemands` reads it back. */
export interface MissedDemand {
  platform: string;
  messageId: string;
  ts: number;
  /** Null once the sender asked to be forgotten. */
  text: string | null;
  /** What the reporter named. */
  categories: Category[];
  /** What the message is flagged for now; null when the store holds no such message. */
  flaggedFor: Category[] | null;
}

/** Messages of a scope members disputed: marked "not formalism", and reported missed. */
export interface FeedbackCounts {
  corrected: number;
  missed: number;
  /** Of the corrected, those marked `not formalism` by their own sender: a sender can un-count their own demand, so the digest says how often. */
  correctedBySender: number;
}

/** What `forgetUser` did. */
export interface Forgotten {
  /** The anonymous id that now stands for the user in messages and feedback. */
  token: string;
  /** Groups whose settings named the user as a supervisor (now without them). */
  supervisedGroups: string[];
}

export type DeliveryStatus = 'sending' | 'sent' | 'failed';

/** Which week's digest a supervisor got. */
export interface DeliveryRow {
  week: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  updated: number;
}

/**
 * Where a command stands among its group's messages: after the stored message `id` (by time, then
 * storage order), or, where that is not stored or not given, at the time `ts`.
 */
export interface LatestBound {
  ts: number;
  id?: string;
}

/**
 * The bot's database, a SQLite file or a PostgreSQL database that several bot processes share:
 * messages, groups, settings, dedupe, feedback, privacy and digest deliveries.
 */
export interface Store {
  /** The SQLite file, or the PostgreSQL URL without its password: what messages name. */
  readonly path: string;

  /**
   * Resolves once the record is committed (stored once per (platform, id), however often added):
   * true when it was new. `eventKey` (the platform's delivery id) is marked seen in the same
   * transaction. Records of opted-out senders are stored under an anonymous id, without name or text.
   */
  add(record: MessageRecord, eventKey?: string): Promise<boolean>;
  /** Commits whatever waits in the batch now. */
  flush(): Promise<void>;
  /**
   * Removes a message the platform removed (deleted, recalled) with every copy of its text, feedback
   * and reports of missed demands about it included, and keeps a tombstone (see removed.ts): a message
   * removed before it is stored, in this process's batch or another's, or delivered again, is never
   * stored. Resolves once committed; then empties the WAL when text was erased, as `forgetUser` does.
   */
  removeMessage(platform: string, id: string): Promise<void>;
  /**
   * Replaces a stored message's text, and what was read from it, with an edit's (see edit.ts): false
   * when no such message is stored, or an edit made after `editedAt` (epoch ms, where the platform
   * tells) was applied already. Resolves once committed; then empties the WAL when a text was replaced or erased.
   */
  editMessage(record: MessageRecord, editedAt?: number): Promise<boolean>;

  /** Whether a platform event id was marked seen (Slack redelivers events with the same event_id). */
  seen(platform: string, key: string): Promise<boolean>;
  /** When an event id was marked seen (the time given to `markSeen`), or undefined when it was not. */
  seenAt(platform: string, key: string): Promise<number | undefined>;
  /** Marks an event id seen; true when it was not seen before. */
  markSeen(platform: string, key: string, ts?: number): Promise<boolean>;
  /**
   * Forgets that an event id was seen: its handling failed, and the platform's redelivery must be
   * taken. With `ts`, only the mark made at that time (not one made again since).
   */
  unmarkSeen(platform: string, key: string, ts?: number): Promise<void>;

  /** Records of a scope in time order, read page by page: memory stays flat whatever the period. */
  records(scope: Scope): AsyncIterable<MessageRecord>;
  /**
   * Quiet messages (neither demands nor acknowledgements), counted per group: all a report needs of
   * them, a day at a time. With `reportRecords` this reads a period without building a record for
   * the bulk of messages that demand nothing.
   */
  quietCounts(scope: Scope): Promise<QuietCount[]>;
  /** The scope's demands and acknowledgements in time order, without text or findings. */
  reportRecords(scope: Scope): AsyncIterable<ReportRecord>;
  /**
   * The acknowledgements sent at or after `from` that quote-reply the scope's demands, in time order,
   * as `reportRecords` gives them: one counts toward the demand it replies to however late it came.
   */
  lateReplies(scope: Scope, from: number): Promise<ReportRecord[]>;
  /** The scope's demands that were removed, known by their group and send time: see removed-demands.ts. */
  removedDemands(scope: Scope): Promise<RemovedDemand[]>;
  /** One text of each hash among the scope's demands (demands with equal hashes read alike). */
  demandTexts(scope: Scope): Promise<{ hash: string; text: string }[]>;
  message(platform: string, id: string): Promise<MessageRecord | undefined>;
  /** Messages by id, those not stored left out, in no particular order. */
  messages(platform: string, ids: readonly string[]): Promise<MessageRecord[]>;
  /**
   * The group's most recent flagged message at or before `upTo` (what "not formalism" feedback refers
   * to where the platform has no replies): never one stored after the command, as its late run would find.
   */
  latestFlagged(platform: string, groupId: string, upTo: LatestBound): Promise<MessageRecord | undefined>;
  /**
   * The group's latest flagged message from this sender with exactly this text: what a quote refers
   * to on a platform whose quotes carry text and sender but no id (WeChat).
   */
  flaggedByText(platform: string, groupId: string, senderId: string, text: string): Promise<MessageRecord | undefined>;
  /** Flagged messages in the scope (cheap: demands have indexes of their own, the bulk of messages has not). */
  demandCount(scope: Scope): Promise<number>;
  categoryTotals(scope: Scope): Promise<CategoryTotals>;
  groupTotals(scope: Scope): Promise<GroupTotals[]>;
  memberView(platform: string, userId: string, period: Period & { limit?: number }): Promise<MemberView>;

  upsertGroup(group: GroupUpsert): Promise<void>;
  group(platform: string, id: string): Promise<GroupInfo | undefined>;
  /** The groups, with their members: all, or those of `platform` and of `groupIds` where given. */
  groups(platform?: string, groupIds?: readonly string[]): Promise<(GroupInfo & { platform: string })[]>;
  groupSettings(platform: string, id: string): Promise<GroupSettings>;
  /** The groups with supervisors subscribed from the chat (`config supervisor`) and who they are, by platform and id. */
  groupSupervisors(): Promise<GroupSupervisors[]>;
  /** The people of a scope's groups with the names known for them: their listed members and who wrote in them. */
  peopleOf(scope: Scope): Promise<Person[]>;
  /**
   * Everyone the groups of a scope have known in any week, one row per group they are in: a scan of
   * every message, read once for the union of many scopes (a digest run) rather than peopleOf per scope.
   */
  groupPeople(scope: Pick<Scope, 'platform' | 'groupIds'>): Promise<GroupPerson[]>;
  /** The names and ids of those who opted out or were forgotten, as salted hashes, for hiding them in quotes. */
  hiddenNames(): Promise<HiddenNames>;
  /**
   * Changes a group's settings in one transaction that holds its row: `change` edits the settings as
   * stored (another instance's change included) and returns those to write, or undefined to write
   * nothing. Resolves to the settings written; settings the bot could not apply are an InputError.
   */
  updateGroupSettings(platform: string, id: string, change: (s: GroupSettings) => GroupSettings | undefined): Promise<GroupSettings | undefined>;
  /** Moves one group's messages, members and (if the target has none) name and settings to another id. */
  mergeGroup(platform: string, fromId: string, toId: string): Promise<void>;

  /**
   * Drops one rule's findings (or all, with rule null) from a message; false when no such message.
   * With `doneKey`, the command's mark that it finished is written in the same transaction, as addLead's.
   */
  markFalsePositive(platform: string, messageId: string, rule: string | null, byUser: string, doneKey?: string): Promise<boolean>;
  /** Every such feedback, oldest first (see feedback.ts readFalsePositives). */
  falsePositives(): Promise<FalsePositive[]>;
  /**
   * Keeps a member's report of a demand the bot missed (see missed.ts); it counts in no figure. False,
   * keeping nothing, when the message's sender was forgotten since it was sent.
   */
  reportMissed(report: MissedReport): Promise<boolean>;
  /** Every such report, oldest first. */
  missedDemands(): Promise<MissedDemand[]>;
  /** How many of the scope's messages members corrected and reported missed (see feedback-counts.ts). */
  feedbackCounts(scope: Scope): Promise<FeedbackCounts>;
  /**
   * Stores an anonymous lead. With `doneKey`, the command's mark that it finished is written in the
   * same transaction: a crash between the two cannot leave the lead stored and the command to run again.
   */
  addLead(platform: string, groupId: string | null, text: string, ts: number, doneKey?: string): Promise<void>;
  leads(period: Period): Promise<Lead[]>;
  setOptOut(platform: string, user: string, optedOut: boolean): Promise<void>;
  isOptedOut(platform: string, user: string): Promise<boolean>;
  /**
   * Erases a user's name, message texts and id (see privacy.ts forgetUser), their messages and feedback
   * keeping an anonymous token instead; then empties the WAL so the file keeps no older copy.
   */
  forgetUser(platform: string, user: string): Promise<Forgotten>;
  /** Whether the user said `forget me` at `since` or later (in any process sharing the database). */
  forgottenSince(platform: string, user: string, since: number): Promise<boolean>;
  /** The stable id an adapter bound `key` to (WeChat's ids change at each login); undefined when none. */
  identityGet(platform: string, key: string): Promise<string | undefined>;
  /** Binds `key` to `stableId`, replacing an earlier binding; resolves once committed. */
  identityPut(platform: string, key: string, stableId: string): Promise<void>;
  /** Deletes messages, dedupe keys, leads, feedback and tombstones older than `beforeTs`; returns messages deleted. */
  purge(beforeTs: number): Promise<number>;

  /**
   * Takes a supervisor's week for sending (see deliveries.ts): true for exactly one of any number of
   * processes claiming it at once; false when it was sent or another process is sending it.
   */
  claimDelivery(platform: string, user: string, week: string, now: number): Promise<boolean>;
  /** Ends a claim: sent (error null) or failed. */
  settleDelivery(platform: string, user: string, week: string, error: string | null, now: number): Promise<void>;
  /** A supervisor's delivery records, oldest week first. */
  deliveries(platform: string, user: string): Promise<DeliveryRow[]>;

  /** Commits what waits, then closes the file. */
  close(): Promise<void>;
}
