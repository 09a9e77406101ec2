import type { MessageRecord } from '../core/message-record.js';
import type { CommandContext } from './context.js';

/**
 * The message a `why` or `not formalism` is about: the one it replies to, else the group's latest
 * flagged message (platforms such as the shell have no replies).
 */
export async function targetMessage(ctx: CommandContext): Promise<MessageRecord | undefined> {
  const { msg, store } = ctx;
  if (msg.replyTo) return store.message(msg.platform, msg.replyTo);
  if (msg.group) return store.latestFlagged(msg.platform, msg.group.id);
  return undefined;
}
