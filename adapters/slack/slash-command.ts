import type { SlashCommand } from '@slack/bolt';
import type { ChatMessage } from '../../src/core/chat-message.js';
import { PLATFORM } from './event-mapping.js';
import { plainText } from './slack-text.js';

/** The slash command's name; its text is a chat command ("/fingertip stats" reads as "stats"). */
export const SLASH_COMMAND = '/fingertip';

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
    replyTo: null,
  };
}
