import type { Category } from '../taxonomy/categories.js';
import type { Finding } from '../engine/finding.js';

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
}
