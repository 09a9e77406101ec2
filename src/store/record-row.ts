import { isCategory } from '../core/categories.js';
import type { Finding } from '../core/finding.js';
import { InputError } from '../core/errors.js';
import { categoriesOf, maskOf } from './category-mask.js';
import type { Dialect } from './sql/dialect.js';
import type { Param } from './sql/sql.js';
import type { MessageRecord } from '../core/message-record.js';
import { replaceSenderInId } from '../core/sender-in-id.js';

/** The columns of `messages` in the order of `toRow`. */
export const MESSAGE_COLUMNS = [
  'platform',
  'id',
  'group_id',
  'sender_id',
  'ts',
  'length',
  'hash',
  'reply_to',
  'is_ack',
  'mentions_all',
  'recipients',
  'mask',
  'findings',
  'text',
  'deadline',
] as const;

/**
 * A stored message read back: one JSON array per row, the columns of `RECORD_COLUMNS`, then the
 * names of its group and sender when joined. node-sqlite3 builds a JS object per row property in
 * C++, which made 16 columns three times slower to read than one string that JSON.parse splits.
 */
export type MessageRow = [
  platform: string,
  id: string,
  groupId: string,
  senderId: string,
  ts: number,
  length: number,
  hash: string,
  replyTo: string | null,
  isAck: 0 | 1,
  mentionsAll: 0 | 1,
  recipients: number,
  mask: number,
  findings: Finding[] | null,
  text: string | null,
  deadline: number | null,
  groupName?: string | null,
  senderName?: string | null,
];

/** The items of a MessageRow from `messages m`, names left out. */
export function recordColumns(d: Dialect): string {
  return `m.platform, m.id, m.group_id, m.sender_id, m.ts, m.length, m.hash, m.reply_to, m.is_ack,
  m.mentions_all, m.recipients, m.mask, ${d.asJson('m.findings')}, m.text, m.deadline`;
}

/** Selects `r`, a MessageRow, from `messages m` joined to groups and users for the names. */
export function recordSelect(d: Dialect): string {
  return `${d.asText(d.jsonArray(`${recordColumns(d)}, g.name, u.name`))} AS r FROM messages m
  LEFT JOIN chat_groups g ON g.platform = m.platform AND g.id = m.group_id
  LEFT JOIN chat_users u ON u.platform = m.platform AND u.id = m.sender_id`;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && v >= 0 && Number.isFinite(v);

/** Refuses a record the store cannot keep faithfully, naming it; checked before it is queued. */
export function checkRecord(r: MessageRecord): void {
  const where = `record ${String(r?.platform)}/${String(r?.id)}`;
  const bad = (why: string): never => {
    throw new InputError(`${where}: ${why}`);
  };
  if (!r || typeof r !== 'object') bad('not an object');
  if (!isText(r.platform) || r.platform === '') bad('platform must be a non-empty string');
  if (!isText(r.id) || r.id === '') bad('id must be a non-empty string');
  if (!isText(r.groupId)) bad('groupId must be a string');
  if (!isText(r.senderId)) bad('senderId must be a string');
  if (typeof r.ts !== 'number' || !Number.isFinite(r.ts)) bad('ts must be epoch milliseconds');
  if (!isCount(r.length) || !isCount(r.recipients)) bad('length and recipients must be numbers >= 0');
  if (!isText(r.hash)) bad('hash must be a string');
  if (r.replyTo != null && !isText(r.replyTo)) bad('replyTo must be a string or null');
  if (!Array.isArray(r.categories) || !r.categories.every((c) => isCategory(c))) bad('categories must be category ids');
  if (!Array.isArray(r.findings)) bad('findings must be an array');
  if (r.text != null && !isText(r.text)) bad('text must be a string or null');
  if (r.deadline != null && !Number.isInteger(r.deadline)) bad('deadline must be whole minutes or null');
}

/** What is left of findings once their matched text must go (forgotten or opted-out senders). */
export function withoutMatches(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, match: '', ...(f.cues && { cues: f.cues.map((c) => ({ ...c, match: '' })) }) }));
}

/**
 * The row of a record. Unflagged messages keep no text or findings; `anonSender`, for a sender
 * who opted out, replaces the sender's id (also inside the message id: Slack's reaction ids name
 * the reactor) and drops what they wrote.
 */
export function toRow(r: MessageRecord, anonSender: string | undefined): Param[] {
  const mask = maskOf(r.categories);
  const flagged = mask !== 0;
  const findings = flagged ? (anonSender ? withoutMatches(r.findings) : r.findings) : null;
  const id = anonSender ? replaceSenderInId(r.platform, r.id, r.senderId, anonSender) : r.id;
  return [
    r.platform,
    id,
    r.groupId,
    anonSender ?? r.senderId,
    r.ts,
    r.length,
    r.hash,
    r.replyTo ?? null,
    r.isAck ? 1 : 0,
    r.mentionsAll ? 1 : 0,
    r.recipients,
    mask,
    findings ? JSON.stringify(findings) : null,
    flagged && !anonSender ? (r.text ?? null) : null,
    flagged ? r.deadline : null,
  ];
}

export function fromRow(row: MessageRow): MessageRecord {
  const [platform, id, groupId, senderId, ts, length, hash, replyTo, isAck, mentionsAll, recipients, mask, findings, text, deadline, groupName, senderName] =
    row;
  const record: MessageRecord = {
    platform,
    id,
    groupId,
    senderId,
    ts,
    length,
    hash,
    replyTo,
    isAck: isAck === 1,
    mentionsAll: mentionsAll === 1,
    recipients,
    categories: categoriesOf(mask),
    findings: findings ?? [],
    text,
    deadline,
  };
  if (typeof groupName === 'string') record.groupName = groupName;
  if (typeof senderName === 'string') record.senderName = senderName;
  return record;
}

/** Parses rows selected with recordSelect. */
export function parseRows(rows: readonly { r: string }[]): MessageRow[] {
  return rows.map((row) => JSON.parse(row.r) as MessageRow);
}
