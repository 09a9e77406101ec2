import type { MessageRecord } from '../core/message-record.js';
import type { CommandContext } from './context.js';

/**
 * The message a `why` or `not formalism` is about: the one it replies to, else the group's latest
 * flagged message (platforms such as the shell have no replies); 'unknown' for a quote of a message
 * the adapter could not identify, which is not the latest one's to answer for.
 */
export async function targetMessage(ctx: CommandContext): Promise<MessageRecord | 'unknown' | undefined> {
  const { msg, store } = ctx;
  if (msg.replyTo) return store.message(msg.platform, msg.replyTo);
  if (msg.quotesUnknown) return 'unknown';
  if (msg.group) return store.latestFlagged(msg.platform, msg.group.id);
  return undefined;
}
