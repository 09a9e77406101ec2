import type { Category } from './categories.js';
import type { Finding } from './finding.js';

/**
 * A deadline named in a message, as minutes after the local midnight of the day it was sent: "明早7点前"
 * is 1 day and 7 hours, 1860. It is read once, when the message is stored, in the configured time
 * zone: a weekday or date ("周六上午10点前") is counted from the local day the message was sent.
 */
export type Deadline = number;

/**
 * What is kept of one message, and the unit every report is built from (bot store and offline
 * audit alike). Flagged messages keep their text as evidence; unflagged ones only what counts need.
 */
export interface MessageRecord {
  platform: string;
  id: string;
  groupId: string;
  groupName?: string;
  senderId: string;
  senderName?: string;
  /** Epoch milliseconds. */
  ts: number;
  /** Length of the text in UTF-16 code units. */
  length: number;
  /** A hash of the normalised text, for near-free exact-duplicate checks. */
  hash: string;
  replyTo: string | null;
  /** A bare acknowledgement: "收到", "1", "ok", 👍, ✅, or a reaction. */
  isAck: boolean;
  mentionsAll: boolean;
  /** Group members other than the sender when the message was sent; 0 when unknown. */
  recipients: number;
  categories: Category[];
  findings: Finding[];
  /** The text, kept only for flagged messages. */
  text: string | null;
  /** The deadline a flagged message's text names, read when it is recorded; else null. */
  deadline: Deadline | null;
}

/**
 * What a report needs of a message: no length, and text and findings only when at hand (the store
 * reads them for the few messages kept as evidence). Categories may be shared: never change them.
 */
export type ReportRecord = Omit<MessageRecord, 'length' | 'mentionsAll' | 'text' | 'findings' | 'categories'> & {
  categories: readonly Category[];
  text?: string | null;
  findings?: Finding[];
};
