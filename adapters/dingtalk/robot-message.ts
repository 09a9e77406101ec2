import type { ChatGroup, ChatMessage, MessageKind } from '../../src/core/chat-message.js';
import { InputError } from '../../src/core/errors.js';
import { timeProblem } from '../../src/core/time/message-time.js';

export const PLATFORM = 'dingtalk';

/** DingTalk's id of the sender of the message a reply quotes, when the reply names one. */
export const quotedDingtalkId = (cb: RobotCallback): string | undefined => asText(field(cb.text?.repliedMsg, 'senderId'));

/**
 * The fields of a robot callback (topic /v1.0/im/bot/messages/get) that the adapter reads. Those
 * typed `unknown` are checked by nobody on arrival, so each is read by its type (`asText`).
 */
export interface RobotCallback {
  msgId: string;
  msgtype: string;
  /** "1" a single chat with the robot, "2" a group. */
  conversationType: unknown;
  /** The openConversationId: the group's id for the proactive send API. */
  conversationId: string;
  conversationTitle?: unknown;
  senderId: string;
  /** The sender's userId in the organisation; absent for people outside it. */
  senderStaffId?: unknown;
  senderNick?: unknown;
  /** Only `true` makes the sender an admin: a flag of another type is none. */
  isAdmin?: unknown;
  /** Who the message @-mentions, the robot included, in no order the text tells: ids only, no names (unchecked, as the words are). */
  atUsers?: unknown;
  /** The robot's own dingtalkId, as it appears in atUsers. */
  chatbotUserId?: unknown;
  createAt: number;
  /** Answers this conversation without a token until sessionWebhookExpiredTime (epoch ms). */
  sessionWebhook?: unknown;
  sessionWebhookExpiredTime?: unknown;
  /**
   * A reply carries the message it quotes (fields DingTalk sends but does not document). The words
   * here and in `content` are read by `words`, whatever their type: none is checked on arrival.
   */
  text?: { content?: unknown; isReplyMsg?: unknown; repliedMsg?: unknown };
  content?: {
    fileName?: unknown;
    /** An audio message's speech recognition text, when DingTalk made one. */
    recognition?: unknown;
    richText?: unknown;
  };
}

/** The quoted message of a reply, as DingTalk shows it: its id, sender, time and content. */
export interface RepliedMessage {
  msgId?: unknown;
  /** DingTalk's sender id (not the organisation userId). */
  senderId?: unknown;
  createdAt?: unknown;
  content?: unknown;
}

/** What a DingTalk group shows of itself to the robot: only the messages that @-mention it. */
export type DingtalkGroup = ChatGroup & { coverage: 'mentions-only' };

const MENTION_ALL = /@所有人|@all(?=\s|$)/i;

/** The frame's data as a robot callback; an InputError naming the frame when it is not one. */
export function parseRobotCallback(data: string, frameId: string): RobotCallback {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw new InputError(`dingtalk: frame ${frameId}: data is not JSON`);
  }
  const v = value as Partial<RobotCallback> | null;
  if (!v || typeof v.msgId !== 'string' || typeof v.conversationId !== 'string' || typeof v.senderId !== 'string') {
    throw new InputError(`dingtalk: frame ${frameId}: not a robot message (msgId, conversationId, senderId)`);
  }
  if (!Number.isFinite(v.createAt)) throw new InputError(`dingtalk: frame ${frameId}: message ${v.msgId} without createAt`);
  const problem = timeProblem(v.createAt!);
  if (problem) throw new InputError(`dingtalk: frame ${frameId}: message ${v.msgId} at createAt ${v.createAt}: ${problem}`);
  return v as RobotCallback;
}

/** The sender's id: the organisation's userId where there is one, as the proactive send API wants it. */
export function senderOf(cb: RobotCallback): string {
  return asText(cb.senderStaffId) || cb.senderId;
}

/**
 * A robot callback as a ChatMessage. The robot hears a group only when @-mentioned there, so
 * every group message is addressed to it, and the group's coverage is mentions-only. DingTalk
 * removes the mention of the robot from the text. A reply names the message it quotes and shows
 * its words, which the bot may never have heard: they come along as `quoted`, whose sender the
 * adapter tells from DingTalk's id of them (`quotedDingtalkId`) where it can.
 */
export function toChatMessage(cb: RobotCallback): ChatMessage {
  const { kind, text } = textOf(cb);
  const replied: RepliedMessage | undefined = cb.text?.isReplyMsg || cb.text?.repliedMsg ? ((cb.text.repliedMsg ?? {}) as RepliedMessage) : undefined;
  const quotedId = asText(replied?.msgId);
  const quotedText = replied ? repliedText(replied) : '';
  const robot = asText(cb.chatbotUserId);
  const group: DingtalkGroup | null =
    asText(cb.conversationType) === '1' ? null : { id: cb.conversationId, name: asText(cb.conversationTitle), coverage: 'mentions-only' };
  return {
    platform: PLATFORM,
    id: cb.msgId,
    group,
    sender: { id: senderOf(cb), name: asText(cb.senderNick) },
    text,
    ts: cb.createAt,
    kind,
    mentionsAll: MENTION_ALL.test(text),
    // DingTalk gives a mention's person by ids apart from the text's @name: their staff id, which
    // the send API wants, is known only for members of the organisation.
    mentioned: (Array.isArray(cb.atUsers) ? cb.atUsers : [])
      .filter((u: unknown) => typeof u === 'object' && u !== null && (robot === undefined || asText(field(u, 'dingtalkId')) !== robot))
      .map((u: unknown) => ({ id: asText(field(u, 'staffId')) })),
    addressed: true,
    replyTo: quotedId ?? null,
    // A reply whose quoted message has no id must not be taken for the group's latest message.
    ...(replied && !quotedId && { quotesUnknown: true }),
    ...(quotedId &&
      quotedText && {
        quoted: {
          id: quotedId,
          text: quotedText,
          sentAt: Number.isFinite(replied!.createdAt) ? (replied!.createdAt as number) : undefined,
        },
      }),
    senderIsAdmin: cb.isAdmin === true,
  };
}

/**
 * A field of words, trimmed: one of another type (a number, null, an object) is no words, so that a
 * message DingTalk sends oddly is still stored as what it is, never skipped and lost.
 */
const words = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * An id or a name as text: a number is its decimal string (ids often come as numbers), unless it is
 * too large to be exact; anything else (an object, an empty string) is none, so that the message is
 * still stored, and no name shows as JSON in stats, reports and digests.
 */
const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v || undefined : Number.isSafeInteger(v) ? String(v) : undefined);

/** A field of an object field, if it is one. */
const field = (v: unknown, key: string): unknown => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined);

/** The quoted message's words: its text, or its rich text's text parts (a picture is no words of it). */
function repliedText(replied: RepliedMessage): string {
  const c = replied.content;
  if (typeof c === 'string') return c.trim();
  if (field(c, 'text') !== undefined) return words(field(c, 'text'));
  return richTextWords(field(c, 'richText'), '');
}

/** The text parts of rich text ({ text } or { type: 'picture' } each), joined; a picture stands as `picture`. */
function richTextWords(parts: unknown, picture: string): string {
  if (!Array.isArray(parts)) return '';
  return parts
    .map((p: unknown) => {
      const text = field(p, 'text');
      if (text !== undefined) return typeof text === 'string' ? text : '';
      return field(p, 'type') === 'picture' ? picture : '';
    })
    .join('')
    .trim();
}

/** Text as people read it, voice by its transcript; pictures, files, untranscribed voice and video as typed placeholders. */
function textOf(cb: RobotCallback): { kind: MessageKind; text: string } {
  switch (cb.msgtype) {
    case 'text':
      return { kind: 'text', text: words(cb.text?.content) };
    case 'richText':
      // Pictures without words are a picture, as a picture message is: words are what make it text.
      return richTextWords(cb.content?.richText, '')
        ? { kind: 'text', text: richTextWords(cb.content?.richText, '[image]') }
        : { kind: 'image', text: '[image]' };
    case 'picture':
      return { kind: 'image', text: '[image]' };
    case 'file':
      return { kind: 'file', text: words(cb.content?.fileName) ? `[file] ${words(cb.content?.fileName)}` : '[file]' };
    case 'audio': {
      // DingTalk's transcript (content.recognition) is what the sender said: read as their words,
      // rules and commands alike. The message model has no field to say it was spoken.
      const said = words(cb.content?.recognition);
      return said ? { kind: 'text', text: said } : { kind: 'other', text: '[voice]' };
    }
    case 'video':
      return { kind: 'other', text: '[video]' };
    default:
      return { kind: 'other', text: '[other]' };
  }
}
