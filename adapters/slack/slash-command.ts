import type { SlashCommand } from '@slack/bolt';
import type { ChatMessage } from '../../src/core/chat-message.js';
import { PLATFORM } from './event-mapping.js';
import { plainText } from './slack-text.js';
import { InputError } from '../../src/core/errors.js';
import type { Lang } from '../../src/core/lang.js';

/** The slash command's name; its text is a chat command ("/fingertip stats" reads as "stats"). */
export const SLASH_COMMAND = '/fingertip';

/**
 * How long the acknowledgement of a slash command waits for its work: Slack shows the member an error
 * after 3 s, and never sends a slash command again, so the ack says whether the work was done.
 */
export const SLASH_ACK_WAIT_MS = 2_500;

/**
 * The member's own answer when their command failed, in its language: not done, and to send it again
 * later. What failed is for the operator's log alone: it may name the database, its server and ids.
 */
export function slashFailure(lang: Lang): string {
  return lang === 'zh' ? '没有完成，什么也没有记下，请稍后再发一次。' : 'Not done, and nothing was recorded: please send it again later.';
}

/** The member's answer when their `forget me` failed after its ack (see SlashWork) and is being tried again. */
export function slashErasureRetried(lang: Lang): string {
  return lang === 'zh'
    ? '还没有删除你的数据。机器人会在后台继续尝试，删除后会告诉你。'
    : 'Your data is not erased yet. The bot keeps trying in the background and tells you once it is erased.';
}

/** The member's answer when the bot stopped before the erasure it kept trying was done. */
export function slashErasureStopped(lang: Lang): string {
  return lang === 'zh'
    ? '没有删除你的数据：机器人在删除之前停止了，请再发一次“删除我的数据”。'
    : 'Your data was not erased: the bot stopped before it could. Please send "forget me" again.';
}

/**
 * `/fingertip <command>` as a ChatMessage addressed to the bot. Slack does not post it in the
 * channel, so it has no ts; its trigger_id is unique per invocation and names it.
 */
export function fromSlashCommand(body: SlashCommand, now: number): ChatMessage {
  // Typed by Slack's docs only: a Socket Mode payload is JSON, and may hold anything.
  const fields = body as unknown as Record<string, unknown>;
  for (const field of ['channel_id', 'user_id', 'trigger_id']) {
    if (typeof fields[field] !== 'string' || fields[field] === '') throw new InputError(`${SLASH_COMMAND} command without a ${field}`);
  }
  for (const field of ['text', 'channel_name', 'user_name']) {
    if (fields[field] != null && typeof fields[field] !== 'string') throw new InputError(`${SLASH_COMMAND} command whose ${field} is not a string`);
  }
  const direct = body.channel_id.startsWith('D') || body.channel_name === 'directmessage';
  return {
    platform: PLATFORM,
    id: `${body.channel_id}/command-${body.trigger_id}`,
    group: direct ? null : { id: body.channel_id, name: body.channel_name || undefined },
    sender: { id: body.user_id, name: body.user_name || undefined },
    text: plainText(body.text ?? ''),
    ts: now,
    kind: 'text',
    mentionsAll: false,
    addressed: true,
    toBotOnly: true,
    replyTo: null,
  };
}
