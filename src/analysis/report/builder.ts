import type { Config } from '../../core/config.js';
import { groupKey, messageKey, type GroupKey } from '../../core/group-key.js';
import type { MessageRecord, ReportRecord } from '../../core/message-record.js';
import type { QuietCount } from '../../store/store.js';
import { CATEGORIES, zeroByCategory, type Category } from '../../core/categories.js';
import { effectiveRecipients, minutesPerRecipient } from '../cost.js';
import { isAfterHoursDemand } from '../derived/after-hours.js';
import { formatIso } from '../../core/time/format.js';
import { exactMinutes } from '../../core/figures.js';
import { localDay, midnightOfDay } from '../../core/time/zone.js';
import { DayCounts } from './day-counts.js';
import { sprawlOf } from './sprawl-of.js';
import type { GroupSummary, Report } from './report.js';
import type { EvidenceItem, GroupRef, ReportDetails } from './details.js';
import { DerivedFindings } from './derived-findings.js';
import { TopN } from './top-n.js';
import type { NameHider } from './hidden-names.js';
import { shownMessage } from './shown-message.js';
import { minutesByCategory, newGroupStats, type GroupStats } from './group-stats.js';

/** How many flagged messages a report keeps as evidence. */
export const EVIDENCE_LIMIT = 200;

export interface ReportBuilderOptions {
  config: Config;
  /** Period bounds in epoch ms, `to` exclusive; records outside are left out. Default: the data's local days. */
  from?: number;
  to?: number;
  evidenceLimit?: number;
  /** Hides, in the groups' names and the texts the report shows, members who opted out or were forgotten; absent when there are none. */
  hide?: NameHider;
}

/** What is known of a group besides its messages; `members` counts everyone including senders. */
export interface GroupInfo {
  platform: string;
  id: string;
  name?: string;
  members?: number;
  memberIds?: readonly string[];
}

const CAT_INDEX = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));

/** A sender of demands, with how many they sent in each group (by group id: a sender is of one platform). */
interface Sender {
  platform: string;
  id: string;
  name: string | undefined;
  demands: number;
  byGroup: Map<string, number>;
}

/** Evidence as offered; text and findings are read later for records that came without them. */
type PendingEvidence = Omit<EvidenceItem, 'groupName' | 'time' | 'personMinutes' | 'text' | 'findings'> & {
  platform: string;
  text?: string | null;
  findings?: EvidenceItem['findings'];
  recipients: number;
  perRecipient: number;
};

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The one builder of the contract's Report, fed by the store (`fingertip report`) and by exports
 * (`fingertip audit`) alike, so both give the same report for the same messages. Streaming: it keeps
 * counts per group, sender and day, a few numbers per demand for the derived findings, and the
 * EVIDENCE_LIMIT heaviest flagged messages, never the records themselves.
 * Records must arrive in time order within each group (across groups any order).
 */
export class ReportBuilder {
  private readonly config: Config;
  private readonly from: number | undefined;
  private readonly to: number | undefined;
  // Groups and senders by platform and id: equal ids from two platforms are two groups, two people.
  private readonly groupInfo = new Map<GroupKey, GroupInfo>();
  private readonly groups = new Map<GroupKey, GroupStats>();
  private readonly senders = new Map<GroupKey, Sender>();
  private readonly days: DayCounts;
  private readonly derived = new DerivedFindings();
  private readonly evidence: TopN<PendingEvidence>;
  private hide: NameHider | undefined;
  private sprawlFound: { groups: GroupRef[]; overlap: number }[] | undefined;
  private messages = 0;
  private afterHours = 0;
  private first = Infinity;
  private last = -Infinity;
  /** The times of messages left out of the report, which date it only when it counts none. */
  private leftOut = { first: Infinity, last: -Infinity };

  constructor(options: ReportBuilderOptions) {
    this.config = options.config;
    this.days = new DayCounts(options.config.timezone);
    this.from = options.from;
    this.to = options.to;
    this.evidence = new TopN(options.evidenceLimit ?? EVIDENCE_LIMIT);
    this.hide = options.hide;
  }

  /** Tells the builder a group's name and members; call before its records for the most exact evidence ranking. */
  addGroup(group: GroupInfo): void {
    const key = groupKey(group.platform, group.id);
    this.groupInfo.set(key, { ...this.groupInfo.get(key), ...this.hidden(group) });
  }

  /**
   * Hides names from now on, and in the groups' names told so far in the order they came, as `hide`
   * given at the start would have, pseudonyms numbered alike: for a report whose language, and so its
   * pseudonyms, its own evidence tells, without reading its records again.
   */
  hideNames(hide: NameHider): void {
    this.hide = hide;
    for (const [key, group] of this.groupInfo) this.groupInfo.set(key, this.hidden(group));
  }

  private hidden(group: GroupInfo): GroupInfo {
    return this.hide && group.name !== undefined ? { ...group, name: this.hide.hide(group.name) } : group;
  }

  /**
   * Quiet messages (no demand, no ack) counted in bulk, as the store can give them: they only count
   * toward messages per group and day, and a group's size. They must lie within one local day.
   */
  addQuiet(q: Pick<QuietCount, 'platform' | 'groupId' | 'messages' | 'maxRecipients' | 'firstTs' | 'lastTs'>): void {
    if ((this.from !== undefined && q.firstTs < this.from) || (this.to !== undefined && q.lastTs >= this.to)) {
      throw new Error(`quiet counts of ${q.groupId} reach outside the report's period`);
    }
    this.messages += q.messages;
    if (q.firstTs < this.first) this.first = q.firstTs;
    if (q.lastTs > this.last) this.last = q.lastTs;
    const g = this.statsOf({ platform: q.platform, groupId: q.groupId });
    g.messages += q.messages;
    if (q.maxRecipients + 1 > g.seenMembers) g.seenMembers = q.maxRecipients + 1;
    this.days.at(q.firstTs).messages += q.messages;
  }

  /**
   * A message left out of the report (an audit's one-to-one chat): its time dates the period of a
   * report that counts no message, which then covers the export's own days rather than today.
   */
  dateBy(ts: number): void {
    this.leftOut.first = Math.min(this.leftOut.first, ts);
    this.leftOut.last = Math.max(this.leftOut.last, ts);
  }

  /** One message; a store's lean record will do (see `textsToRead` and `addDemandText`). */
  add(record: ReportRecord): void {
    const ts = record.ts;
    if ((this.from !== undefined && ts < this.from) || (this.to !== undefined && ts >= this.to)) return;
    this.messages++;
    if (ts < this.first) this.first = ts;
    if (ts > this.last) this.last = ts;
    const g = this.statsOf(record);
    g.messages++;
    if (record.recipients + 1 > g.seenMembers) g.seenMembers = record.recipients + 1;
    const day = this.days.at(ts);
    day.messages++;
    this.derived.add(record);
    if (record.categories.length === 0) return;

    g.demands++;
    day.demands++;
    const costs = this.config.costs;
    for (const c of record.categories) {
      const i = CAT_INDEX.get(c)!;
      g.byCategory[i]++;
      if (record.recipients > 0) g.knownMinutes[i] += record.recipients * costs[c];
      else g.unknownDemands[i]++;
    }
    const senderKey = groupKey(record.platform, record.senderId);
    const sender = this.senders.get(senderKey);
    if (sender) {
      sender.demands++;
      sender.byGroup.set(record.groupId, (sender.byGroup.get(record.groupId) ?? 0) + 1);
      if (record.senderName) sender.name = record.senderName;
    } else {
      const byGroup = new Map([[record.groupId, 1]]);
      this.senders.set(senderKey, { platform: record.platform, id: record.senderId, name: record.senderName, demands: 1, byGroup });
    }
    if (isAfterHoursDemand(record, this.config.workhours, this.config.timezone)) this.afterHours++;
    this.offerEvidence(record, g);
  }

  /**
   * A demand of the period removed from the store (recalled), by its group and send time: the loose
   * acks after it were its, so they count toward no other demand. It counts in no figure.
   */
  addRemovedDemand(demand: Pick<ReportRecord, 'platform' | 'groupId' | 'ts'>): void {
    this.derived.addRemoved(demand);
  }

  /**
   * A demand or acknowledgement sent after the period, within the ack window of its end, in time
   * order after the period's records, or a later ack replying to one of its demands: an ack counts
   * toward the period's demand it answers (a storm that runs past midnight on Sunday), and a demand takes the acks after it, counting them toward
   * nothing, as a removed one does, but after an ack of the same time stored before it, as `audit`
   * counts it. Neither counts in any figure.
   */
  addAfterPeriod(record: ReportRecord): void {
    if (record.categories.length > 0) this.derived.addRemoved(record, true);
    else this.derived.add(record);
  }

  /** The text of demands with this hash, for records that came without text: duplicates are compared by it. */
  addDemandText(hash: string, text: string): void {
    this.derived.addText(hash, text);
  }

  /**
   * Ids by platform of the messages the report shows whose records came without text: the evidence,
   * and the demands its derived findings quote. Ask once every record is in.
   */
  textsToRead(): Map<string, string[]> {
    const ids = new Map<string, string[]>();
    const want = (platform: string, id: string): void => {
      const list = ids.get(platform);
      if (list) list.push(id);
      else ids.set(platform, [id]);
    };
    for (const e of this.evidence.items()) if (e.text === undefined) want(e.platform, e.id);
    this.derived.toRead(want);
    return ids;
  }

  /** Gives the messages of `textsToRead` their text (and the evidence its findings) as stored. */
  fillTexts(records: readonly Pick<MessageRecord, 'platform' | 'groupId' | 'id' | 'text' | 'findings'>[]): void {
    const byKey = new Map(records.map((r) => [groupKey(r.platform, r.id), r]));
    for (const e of this.evidence.items()) {
      const r = byKey.get(groupKey(e.platform, e.id));
      if (r) Object.assign(e, { text: r.text, findings: r.findings });
    }
    for (const r of records) this.derived.fill(messageKey(r.platform, r.groupId, r.id), r.text);
  }

  build(): Report {
    const tz = this.config.timezone;
    const total = zeroByCategory();
    let minutes = 0;
    const groups: GroupSummary[] = [];
    for (const g of this.groups.values()) {
      const members = this.membersOf(g);
      const byCategory = zeroByCategory();
      CATEGORIES.forEach((c, i) => {
        byCategory[c] = g.byCategory[i];
        total[c] += g.byCategory[i];
      });
      const groupMinutes = minutesByCategory(g, members, this.config.costs).reduce((a, b) => a + b, 0);
      minutes += groupMinutes;
      groups.push({
        id: g.id,
        name: this.nameOf(g),
        members,
        messages: g.messages,
        demands: g.demands,
        by_category: byCategory,
        person_minutes: exactMinutes(groupMinutes),
      });
    }
    groups.sort((a, b) => b.person_minutes - a.person_minutes || byId(a.id, b.id));
    const senders = this.sortedSenders().map(({ id, name, demands, platform }) => ({ id, name, demands, platform }));
    const period = this.period();
    return {
      period: { from: formatIso(period.from, tz), to: formatIso(period.to, tz) },
      messages: this.messages,
      demands: groups.reduce((sum, g) => sum + g.demands, 0),
      by_category: total,
      person_minutes: exactMinutes(minutes),
      after_hours: this.afterHours,
      groups,
      senders,
      ...this.derived.results(),
      sprawl: this.sprawl().map(({ groups: pair, overlap }) => ({ groups: pair.map((g) => g.id), overlap })),
    };
  }

  /**
   * Each group's name and size as the report costs it, by platform and id (the report names a group by id
   * alone, which two platforms' groups may share), and the most people its messages of the period showed
   * (`seen`, 0 where none did): the size it had then, where the stored one is today's.
   */
  groupSizes(): { key: GroupKey; id: string; name: string; members: number; seen: number }[] {
    return [...this.groups.values()].map((g) => ({ key: g.key, id: g.id, name: this.nameOf(g), members: this.membersOf(g), seen: g.seenMembers }));
  }

  /** Evidence, per-day counts and minutes by category for the Markdown and HTML renderers. */
  details(): ReportDetails {
    const tz = this.config.timezone;
    const minutes = zeroByCategory();
    for (const g of this.groups.values()) {
      minutesByCategory(g, this.membersOf(g), this.config.costs).forEach((m, i) => (minutes[CATEGORIES[i]] += m));
    }
    for (const c of CATEGORIES) minutes[c] = exactMinutes(minutes[c]);
    const days = this.days.over(this.period());
    const evidence = this.evidence.items().map(({ platform, recipients, perRecipient, text, findings, ...e }): EvidenceItem => {
      const g = this.groups.get(groupKey(platform, e.groupId))!;
      // Only what is shown of the texts is read for hidden names: each unit costs a hash per name length.
      const shown = text ? shownMessage(text, findings ?? [], this.hide) : { text: text ?? null, findings: findings ?? [] };
      return {
        ...e,
        platform,
        ...shown,
        groupName: this.nameOf(g),
        time: formatIso(e.ts, tz),
        personMinutes: exactMinutes(effectiveRecipients(recipients, this.membersOf(g)) * perRecipient),
      };
    });
    evidence.sort((a, b) => b.personMinutes - a.personMinutes || a.ts - b.ts);
    return {
      timezone: tz,
      evidence,
      days,
      senders: this.sortedSenders().map(({ platform, id, name, byGroup }) => ({
        platform,
        id,
        name,
        byGroup: [...byGroup].map(([groupId, demands]) => ({ groupId, demands })),
      })),
      minutesByCategory: minutes,
      costs: { ...this.config.costs },
      findingGroups: { ...this.derived.groups(), sprawl: this.sprawl().map((s) => s.groups) },
      ...this.derived.shown(
        (platform, groupId, ts) => ({ groupName: this.nameOf(this.groups.get(groupKey(platform, groupId))!), time: formatIso(ts, tz) }),
        this.hide && ((text, upTo, found) => this.hide!.hide(text, upTo, found)),
      ),
    };
  }

  /** Groups sharing most members, found once: the JSON and the details both show them. */
  private sprawl(): { groups: GroupRef[]; overlap: number }[] {
    return (this.sprawlFound ??= sprawlOf(this.groupInfo));
  }

  private statsOf(record: Pick<ReportRecord, 'platform' | 'groupId' | 'groupName'>): GroupStats {
    const key = groupKey(record.platform, record.groupId);
    let g = this.groups.get(key);
    if (!g) {
      g = newGroupStats(key, record.groupId, record.groupName);
      this.groups.set(key, g);
    } else if (g.name === undefined && record.groupName) {
      g.name = record.groupName;
    }
    return g;
  }

  /** The report's senders, most demands first. */
  private sortedSenders(): (Sender & { name: string })[] {
    return [...this.senders.values()]
      .map((s) => ({ ...s, name: s.name ?? s.id }))
      .sort((a, b) => b.demands - a.demands || byId(a.id, b.id) || byId(a.platform, b.platform));
  }

  private nameOf(g: GroupStats): string {
    const told = this.groupInfo.get(g.key)?.name;
    if (told !== undefined) return told; // hidden as it was told (addGroup, hideNames)
    // A name seen on records, or the id where retention took the name: the shell's id is the name itself.
    const seen = g.name ?? g.id;
    return this.hide ? this.hide.hide(seen) : seen;
  }

  /** The group's size: as told by addGroup, else as seen from its records' recipients. */
  private membersOf(g: GroupStats): number {
    const info = this.groupInfo.get(g.key);
    return info?.members ?? info?.memberIds?.length ?? g.seenMembers;
  }

  private offerEvidence(record: ReportRecord, g: GroupStats): void {
    const perRecipient = minutesPerRecipient(record.categories, this.config.costs);
    const score = effectiveRecipients(record.recipients, this.membersOf(g)) * perRecipient;
    if (!this.evidence.accepts(score)) return;
    this.evidence.offer(score, {
      platform: record.platform,
      id: record.id,
      groupId: record.groupId,
      senderId: record.senderId,
      senderName: record.senderName ?? record.senderId,
      ts: record.ts,
      text: record.text,
      categories: [...record.categories],
      findings: record.findings,
      recipients: record.recipients,
      perRecipient,
    });
  }

  private period(): { from: number; to: number } {
    const tz = this.config.timezone;
    const dated = Number.isFinite(this.first) ? { first: this.first, last: this.last } : this.leftOut;
    const first = Number.isFinite(dated.first) ? dated.first : (this.from ?? this.to ?? Date.now());
    const last = Number.isFinite(dated.last) ? dated.last : first;
    return {
      from: this.from ?? midnightOfDay(localDay(first, tz), tz),
      to: this.to ?? midnightOfDay(localDay(last, tz) + 1, tz),
    };
  }
}
