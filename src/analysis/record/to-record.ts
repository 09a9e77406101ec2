import type { ChatMessage } from '../../core/chat-message.js';
import { isBareAck } from './ack.js';
import type { Classification } from '../../core/finding.js';
import { extractDeadline } from './deadline.js';
import { localDay } from '../../core/time/zone.js';
import { textHash } from './text-hash.js';
import { examinedPart } from '../../engine/text-limit.js';
import type { MessageRecord } from '../../core/message-record.js';

/**
 * The stored text of a flagged message: the part the rules examined (MAX_TEXT code units at most),
 * and when that is not all of it, a note of how much was left out. The record's `length` keeps the
 * whole message's length, so `text` shorter than it also says the text was cut.
 */
function keptText(text: string, examined: string): string {
  return examined.length === text.length ? text : `${examined}\n[… ${text.length - examined.length} more characters not kept]`;
}

/**
 * What is kept of a classified message, the same for the bot and the offline audit: recipients are
 * the group's members but the sender when the size is known (else 0), the text only when flagged.
 * Hash, deadline and text are read from the examined part only: a 20 MB line costs no more than one
 * of the limit. A deadline's weekday or date is counted from the day the message was sent in `tz`.
 */
export function toRecord(msg: ChatMessage, cls: Classification, tz: string): MessageRecord {
  const size = msg.group?.memberCount ?? msg.group?.members?.length;
  const flagged = cls.categories.length > 0;
  const examined = examinedPart(msg.text);
  const record: MessageRecord = {
    platform: msg.platform,
    id: msg.id,
    groupId: msg.group?.id ?? '',
    senderId: msg.sender.id,
    ts: msg.ts,
    length: msg.text.length,
    hash: textHash(examined),
    replyTo: msg.replyTo ?? null,
    isAck: msg.kind === 'reaction' || isBareAck(msg.text),
    mentionsAll: msg.mentionsAll === true,
    recipients: size === undefined ? 0 : Math.max(0, size - 1),
    categories: [...cls.categories],
    findings: cls.findings,
    text: flagged ? keptText(msg.text, examined) : null,
    deadline: flagged ? extractDeadline(examined, localDay(msg.ts, tz)) : null,
  };
  if (msg.group?.name !== undefined) record.groupName = msg.group.name;
  if (msg.sender.name !== undefined) record.senderName = msg.sender.name;
  return record;
}
