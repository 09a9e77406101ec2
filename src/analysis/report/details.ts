import type { Category } from '../../core/categories.js';
import type { Finding } from '../../core/finding.js';

/** One flagged message kept as evidence for the Markdown and HTML reports. */
export interface EvidenceItem {
  id: string;
  /** The platform of the message and its group: group ids are only unique within one. */
  platform: string;
  groupId: string;
  groupName: string;
  senderId: string;
  senderName: string;
  /** Epoch milliseconds, and the same as ISO 8601 in the report's time zone. */
  ts: number;
  time: string;
  text: string | null;
  categories: Category[];
  findings: Finding[];
  personMinutes: number;
}

/** Messages and demands of one local day in the report's time zone. */
export interface DayCount {
  date: string;
  messages: number;
  demands: number;
}

/** Where and when a demand was sent, so a reader finds it in the chat (message ids mean nothing to them). */
export interface DemandPlace {
  groupName: string;
  /** ISO 8601 in the report's time zone. */
  time: string;
}

/** A demand a derived finding names: its place and its first words (null when its text was not kept). */
export interface QuotedDemand extends DemandPlace {
  quote: string | null;
}

/** A group by platform and id: ids are only unique within a platform. */
export interface GroupRef {
  platform: string;
  id: string;
}

/** What renderers show beyond the contract's Report; not part of the JSON output. */
export interface ReportDetails {
  timezone: string;
  /** The heaviest flagged messages by person-minutes, heaviest first. */
  evidence: EvidenceItem[];
  /** Every local day of the period in order, zero days included. */
  days: DayCount[];
  /** The report's `senders`, in its order, with their demands in each group: a reader showing only some groups counts only theirs. */
  senders: { platform: string; id: string; name: string; byGroup: { groupId: string; demands: number }[] }[];
  /** Person-minutes by category (a message's burden split by its categories' costs), exact as the report's. */
  minutesByCategory: Record<Category, number>;
  /** The minutes per recipient the figures were costed with (the config's `costs`). */
  costs: Record<Category, number>;
  /** The demand of each of the report's `ack_storms`, in its order. */
  ackStorms: QuotedDemand[];
  /** Each of the report's `duplicates`: its first demand's words, and where and when its first DUPLICATES_SHOWN were sent. */
  duplicates: { quote: string | null; messages: DemandPlace[] }[];
  /**
   * The groups of every one of the report's `ack_storms` (its demand's), `duplicates` and `sprawl`,
   * in their order, by platform: the JSON names them by id alone, which two platforms' groups may share.
   */
  findingGroups: { ackStorms: GroupRef[]; duplicates: GroupRef[][]; sprawl: GroupRef[][] };
  /** Remarks on how the report was made (entries an audit skipped), in the report's language, at its end. */
  notes?: string[];
}
