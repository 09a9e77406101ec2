import type { MessageKind } from '../../src/core/chat-message.js';
import { InputError } from '../../src/core/errors.js';
import { fileKind } from './event-mapping.js';
import { plainText } from './slack-text.js';

/** What the adapter reads of Slack's `message_deleted` and `message_changed` events. */
export interface SlackChangeEvent {
  type: string;
  subtype: string;
  channel?: unknown;
  /** message_deleted: the removed message's ts. */
  deleted_ts?: unknown;
  /** message_changed: the message as it now reads. */
  message?: { ts?: unknown; text?: unknown; user?: unknown; bot_id?: unknown; subtype?: unknown; files?: unknown; edited?: { ts?: unknown } };
  previous_message?: { text?: unknown };
}

/**
 * An earlier message removed, or now reading `text`, by its id as messages are stored (`<channel>/<ts>`);
 * an edit with when it was made (`edited.ts`, epoch ms), where Slack says, and what the message now is
 * (absent for text: a file whose caption was taken off is a file again).
 */
export type SlackChange = { removed: string } | { edited: string; text: string; editedAt?: number; kind?: MessageKind };

const CHANGE_SUBTYPES = new Set(['message_deleted', 'message_changed']);

/** Whether a `message` event tells of a change to an earlier message rather than being one. */
export function isChangeEvent(event: { subtype?: unknown }): event is SlackChangeEvent {
  return typeof event.subtype === 'string' && CHANGE_SUBTYPES.has(event.subtype);
}

/**
 * The change a `message_deleted` or `message_changed` event tells of; null for one the bot has no use
 * for: an edit of a bot's message, or one that left the text as it was (Slack sends message_changed
 * for link previews and thread replies too). An edit of a file's caption counts, as the caption is
 * read as text. A message with thread replies deleted becomes a `tombstone` message: a removal. An
 * InputError naming the event for one Slack never sends.
 */
export function fromChangeEvent(event: SlackChangeEvent, botUserId: string): SlackChange | null {
  const what = `${event.subtype} event`;
  if (typeof event.channel !== 'string' || event.channel === '') throw new InputError(`${what} without a channel`);
  const idOf = (ts: unknown) => {
    if (typeof ts !== 'string' || ts === '') throw new InputError(`${what} without the ts of the message it changes`);
    return `${event.channel as string}/${ts}`;
  };
  if (event.subtype === 'message_deleted') return { removed: idOf(event.deleted_ts) };
  const m = event.message;
  if (typeof m !== 'object' || m === null) throw new InputError(`${what} without its message`);
  if (m.subtype === 'tombstone') return { removed: idOf(m.ts) };
  if (m.bot_id || m.user === botUserId) return null;
  if (typeof m.text !== 'string') throw new InputError(`${what} whose text is not a string`);
  if (m.text === event.previous_message?.text) return null;
  const editedAt = typeof m.edited?.ts === 'string' ? Math.round(Number(m.edited.ts) * 1000) : NaN;
  // As a new message reads (fromMessageEvent): words make it text, a file without them is its placeholder.
  const words = plainText(m.text, botUserId);
  const kind = words ? 'text' : fileKind(m.files, what);
  return {
    edited: idOf(m.ts),
    text: words || (kind === 'text' ? '' : `[${kind}]`),
    ...(Number.isFinite(editedAt) && { editedAt }),
    ...(kind !== 'text' && { kind }),
  };
}
