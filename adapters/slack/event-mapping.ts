import type { ChatMessage, MessageKind } from '../../src/core/chat-message.js';
import { InputError } from '../../src/core/errors.js';
import { timeProblem } from '../../src/core/time/message-time.js';
import { slackReactionId } from '../../src/core/sender-in-id.js';
import { mentionsAll, mentionsUser, plainText, slackTsToMs } from './slack-text.js';

export const PLATFORM = 'slack';

/** A Slack message time as Slack writes it: Unix seconds with microseconds after the point. */
const SLACK_TS = /^\d+(\.\d+)?$/;

/** A Slack time in milliseconds; an InputError naming the event for one Slack never writes. */
export function slackTime(ts: unknown, what: string): number {
  if (typeof ts !== 'string' || !SLACK_TS.test(ts)) throw new InputError(`${what} without a valid ts`);
  const ms = slackTsToMs(ts);
  const problem = timeProblem(ms);
  if (problem) throw new InputError(`${what} at ts ${ts}: ${problem}`);
  return ms;
}

/** The fields of Slack's `message` and `app_mention` events that the adapter reads. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: { mimetype?: string }[];
}

export interface SlackReactionEvent {
  type: string;
  user: string;
  reaction: string;
  item: { type: string; channel?: string; ts?: string };
  event_ts: string;
}

// People's messages: plain, with files, and thread replies also sent to the channel. Edits,
// deletions, joins, topic changes and the like are system subtypes and are not messages of anyone.
const PEOPLE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Reactions that say "seen, will do", which ack-storm counts like a typed "收到". */
const ACK_REACTIONS = new Set(['white_check_mark', 'heavy_check_mark', 'ballot_box_with_check', '+1', 'thumbsup', 'eyes']);

/** Whether a message event is a person's: not a bot's (this one's included), nor a system notice. */
export const saidByPerson = (event: SlackMessageEvent, botUserId: string): boolean =>
  PEOPLE_SUBTYPES.has(event.subtype) && !event.bot_id && !!event.user && event.user !== botUserId;

/** A direct message channel: the bot's DMs have ids starting with D and channel_type "im". */
function isDirect(channel: string, channelType?: string): boolean {
  return channelType === 'im' || (channelType === undefined && channel.startsWith('D'));
}

/**
 * A `message` or `app_mention` event as a ChatMessage with the group's id only (the directory fills
 * in the rest); null for bot and system messages. It is addressed to the bot when it is an
 * app_mention, a DM, or mentions the bot (Slack may deliver the `message` before the `app_mention`).
 * `nameOf` names the users it mentions (an export's users.json); without it they read as their ids.
 */
export function fromMessageEvent(
  event: SlackMessageEvent,
  eventId: string | undefined,
  botUserId: string,
  nameOf?: (id: string) => string | undefined,
): ChatMessage | null {
  if (!saidByPerson(event, botUserId)) return null;
  if (typeof event.channel !== 'string') throw new InputError(`${event.type} event without a channel`);
  if (typeof event.user !== 'string') throw new InputError(`${event.type} event whose user is not an id`);
  const ts = slackTime(event.ts, `${event.type} event`);
  // Typed by Slack's docs only: an export edited by hand, or a changed API, may hold anything.
  if (event.text != null && typeof event.text !== 'string') throw new InputError(`${event.type} event whose text is not a string`);
  if (event.thread_ts != null && (typeof event.thread_ts !== 'string' || !SLACK_TS.test(event.thread_ts)))
    throw new InputError(`${event.type} event whose thread_ts is not a Slack ts`);
  const raw = event.text ?? '';
  const direct = isDirect(event.channel, event.channel_type);
  const words = plainText(raw, botUserId, nameOf);
  // Words shared with a file are its sender's ("请填好附件的表"), read as any text; a file alone is a placeholder.
  const files = fileKind(event.files, event.type);
  const kind = words ? 'text' : files;
  return {
    platform: PLATFORM,
    id: `${event.channel}/${event.ts}`,
    eventId,
    group: direct ? null : { id: event.channel },
    sender: { id: event.user },
    text: words || (kind === 'text' ? '' : `[${kind}]`),
    ts,
    kind,
    mentionsAll: mentionsAll(raw),
    addressed: event.type === 'app_mention' || direct || mentionsUser(raw, botUserId),
    replyTo: event.thread_ts && event.thread_ts !== event.ts ? `${event.channel}/${event.thread_ts}` : null,
  };
}

/** An acknowledging reaction (✅ 👍 👀) on a message as a ChatMessage of kind reaction; null for others. */
export function fromReaction(event: SlackReactionEvent, eventId: string | undefined): ChatMessage | null {
  // Typed by Slack's docs only, as a message event's fields are.
  if (typeof event.reaction !== 'string') throw new InputError('reaction_added event whose reaction is not an emoji name');
  // Skin tones ("+1::skin-tone-3") are the same acknowledgement.
  const name = event.reaction.split('::')[0];
  const item: unknown = event.item;
  if (!ACK_REACTIONS.has(name) || typeof item !== 'object' || item === null || (item as { type?: unknown }).type !== 'message') return null;
  const { channel, ts } = item as { channel?: unknown; ts?: unknown };
  if (typeof channel !== 'string' || channel === '') throw new InputError('reaction_added event without the channel of its message (item.channel)');
  if (typeof ts !== 'string' || ts === '') throw new InputError('reaction_added event without the ts of its message (item.ts)');
  const at = slackTime(event.event_ts, 'reaction_added event');
  if (typeof event.user !== 'string' || event.user === '') throw new InputError('reaction_added event without a user');
  return {
    platform: PLATFORM,
    id: slackReactionId(channel, event.event_ts, event.user, name),
    eventId,
    group: isDirect(channel) ? null : { id: channel },
    sender: { id: event.user },
    text: name,
    ts: at,
    kind: 'reaction',
    mentionsAll: false,
    addressed: false,
    replyTo: `${channel}/${ts}`,
  };
}

/** The kind a message's files make it; an InputError for `files` that are not a list of file objects. */
export function fileKind(files: unknown, type: string): MessageKind {
  if (files == null) return 'text';
  const isFile = (f: unknown): f is { mimetype?: string } =>
    typeof f === 'object' && f !== null && !Array.isArray(f) && ['string', 'undefined'].includes(typeof (f as { mimetype?: unknown }).mimetype);
  if (!Array.isArray(files) || !files.every(isFile)) throw new InputError(`${type} event whose files are not a list of file objects`);
  if (files.length === 0) return 'text';
  return files.every((f) => f.mimetype?.startsWith('image/')) ? 'image' : 'file';
}
