import { createHash } from 'node:crypto';
import type { ChatMessage } from '../bot/chat-message.js';
import { isBareAck } from '../engine/ack.js';
import type { Classification } from '../engine/finding.js';
import { normalize } from '../engine/normalize.js';
import type { MessageRecord } from './message-record.js';

/** A short hash of the normalised text: equal for messages that differ only in width, case, script or spacing. */
export function textHash(text: string): string {
  return createHash('sha256').update(normalize(text)).digest('base64url').slice(0, 16);
}

/**
 * What is kept of a classified message, the same for the bot and the offline audit: recipients are
 * the group's members but the sender when the size is known (else 0), the text only when flagged.
 */
export function toRecord(msg: ChatMessage, cls: Classification): MessageRecord {
  const size = msg.group?.memberCount ?? msg.group?.members?.length;
  const flagged = cls.categories.length > 0;
  const record: MessageRecord = {
    platform: msg.platform,
    id: msg.id,
    groupId: msg.group?.id ?? '',
    senderId: msg.sender.id,
    ts: msg.ts,
    length: msg.text.length,
    hash: textHash(msg.text),
    replyTo: msg.replyTo ?? null,
    isAck: msg.kind === 'reaction' || isBareAck(msg.text),
    mentionsAll: msg.mentionsAll === true,
    recipients: size === undefined ? 0 : Math.max(0, size - 1),
    categories: [...cls.categories],
    findings: cls.findings,
    text: flagged ? msg.text : null,
  };
  if (msg.group?.name !== undefined) record.groupName = msg.group.name;
  if (msg.sender.name !== undefined) record.senderName = msg.sender.name;
  return record;
}
