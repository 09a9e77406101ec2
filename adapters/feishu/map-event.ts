import type { ChatGroup, ChatMessage } from '../../src/core/chat-message.js';
import { InputError, oneLine } from '../../src/core/errors.js';
import { timeProblem } from '../../src/core/time/message-time.js';
import { readContent, type Mention } from './content.js';

export const PLATFORM = 'feishu';

export type Coverage = 'full' | 'mentions-only';

/** A Feishu group with how much of it the bot hears: all messages, or only those that @-mention it. */
export type FeishuGroup = ChatGroup & { coverage: Coverage };

/** What the adapter reads of im.message.recalled_v1 (撤回消息), as EventDispatcher hands it over: the id of the message recalled. */
export interface RecalledEvent {
  event_id?: string;
  message_id?: unknown;
}

/** The fields of im.message.receive_v1 (as EventDispatcher hands it over) that the adapter reads. */
export interface MessageReceiveEvent {
  event_id?: string;
  /** Ids typed `unknown` are checked here (the SDK checks none): one that is no text is refused, or no parent. */
  sender?: { sender_id?: { open_id?: unknown }; sender_type?: string };
  message?: {
    message_id?: unknown;
    parent_id?: unknown;
    create_time?: string;
    chat_id?: unknown;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: Mention[];
  };
}

/**
 * im.message.receive_v1 as a ChatMessage with the group's id and coverage (the chat lookup fills
 * in the rest); null for messages of apps, the bot's own included. Addressed when the bot is
 * @-mentioned or the chat is one-to-one.
 */
export function fromReceiveEvent(event: MessageReceiveEvent, selfOpenId: string, coverage: Coverage): ChatMessage | null {
  const m = event.message;
  const sender = event.sender?.sender_id?.open_id;
  // An app's or a bot's message is not a member's; an event naming no sender at all cannot be read.
  if (event.sender?.sender_type !== 'user') {
    if (event.sender?.sender_type) return null;
    throw new InputError(`event ${event.event_id ?? '(no id)'}: no sender`);
  }
  if (!isId(m?.message_id) || !isId(m.chat_id) || !isId(sender))
    throw new InputError(`event ${event.event_id ?? '(no id)'}: no message_id, chat_id or sender open_id`);
  const ts = Number(m.create_time);
  if (!Number.isFinite(ts)) throw new InputError(`message ${m.message_id}: create_time is not a number`);
  const problem = timeProblem(ts);
  if (problem) throw new InputError(`message ${m.message_id} at create_time ${m.create_time}: ${problem}`);
  let read;
  try {
    read = readContent(m.message_type ?? '', m.content ?? '', m.mentions ?? [], selfOpenId);
  } catch (err) {
    throw new InputError(`message ${m.message_id}: ${oneLine(err)}`);
  }
  const direct = m.chat_type === 'p2p';
  const group: FeishuGroup | null = direct ? null : { id: m.chat_id, coverage };
  return {
    platform: PLATFORM,
    id: m.message_id,
    group,
    sender: { id: sender },
    text: read.text,
    ts,
    kind: read.kind,
    mentionsAll: read.mentionsAll,
    mentioned: read.people,
    addressed: direct || read.mentioned.includes(selfOpenId),
    // A parent id that is no text would be refused by the store on every redelivery: it is none.
    replyTo: isId(m.parent_id) ? m.parent_id : null,
  };
}

const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';
