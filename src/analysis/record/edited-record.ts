import type { ChatMessage, MessageKind } from '../../core/chat-message.js';
import type { MessageRecord } from '../../core/message-record.js';
import type { ClassifyOptions, Engine } from '../../engine/engine.js';
import { classifyMessage } from './classify-message.js';
import { toRecord } from './to-record.js';

/**
 * A stored message as it reads after its sender edited it to `text`, of `kind`: classified anew, as
 * the bot classifies a new message (a file whose words were taken off is a file, never a demand). An
 * edit changes what it says, not who said it to whom and when: its id, group, sender, time,
 * recipients, reply and @all stay as stored.
 */
export function editedRecord(engine: Engine, stored: MessageRecord, text: string, kind: MessageKind, opts: ClassifyOptions, tz: string): MessageRecord {
  const msg: ChatMessage = {
    platform: stored.platform,
    id: stored.id,
    group: { id: stored.groupId },
    sender: { id: stored.senderId },
    text,
    ts: stored.ts,
    kind,
    mentionsAll: stored.mentionsAll,
    replyTo: stored.replyTo,
  };
  return { ...toRecord(msg, classifyMessage(engine, msg, opts), tz), recipients: stored.recipients };
}
