import type { SlashCommand } from '@slack/bolt';
import type { ChatMessage } from '../../src/core/chat-message.js';
import { PLATFORM } from './event-mapping.js';
import { plainText } from './slack-text.js';
import { oneLine } from '../../src/core/errors.js';

/** The slash command's name; its text is a chat command ("/fingertip stats" reads as "stats"). */
export const SLASH_COMMAND = '/fingertip';

/**
 * How long the acknowledgement of a slash command waits for its work: Slack shows the member an error
 * after 3 s, and never sends a slash command again, so the ack says whether the work was done.
 */
export const SLASH_ACK_WAIT_MS = 2_500;

/** The member's own answer when their command could not be done (the ack's ephemeral text). */
export function slashFailure(err: unknown): string {
  return `没有完成，什么也没有记下，请稍后再试。Not done, and nothing was recorded: please try again. (${oneLine(err)})`;
}

/**
 * `/fingertip <command>` as a ChatMessage addressed to the bot. Slack does not post it in the
 * channel, so it has no ts; its trigger_id is unique per invocation and names it.
 */
export function fromSlashCommand(body: SlashCommand, now: number): ChatMessage {
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
