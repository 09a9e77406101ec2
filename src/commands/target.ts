import type { QuotedContent } from '../core/chat-message.js';
import type { MessageRecord } from '../core/message-record.js';
import type { CommandContext } from './context.js';
import { TEXTS } from './texts.js';

/** A quote of a message the store holds no flagged record of, as the quote shows it. */
export interface UnheldQuote {
  unheld: QuotedContent;
}

/**
 * The message a `why` or `not formalism` is about: the one it replies to, else, where the platform
 * has no replies (the shell), the group's latest flagged message up to the command; elsewhere a member who replies to
 * none means none, and no colleague's demand is taken for it. A quote the adapter could not tie
 * to a message id but whose sender it knows (WeChat) is looked up by sender and text, so it still
 * finds a message flagged before a restart; 'unknown' when not even the sender is known, which is
 * not the latest one's to answer for. A quoted message the store holds nothing of comes back as
 * the quote shows it.
 */
export async function targetMessage(ctx: CommandContext): Promise<MessageRecord | UnheldQuote | 'unknown' | undefined> {
  const { msg, store } = ctx;
  if (msg.replyTo) {
    const record = await store.message(msg.platform, msg.replyTo);
    return record ?? (msg.quoted?.id === msg.replyTo ? { unheld: msg.quoted } : undefined);
  }
  if (msg.quotesUnknown) {
    const quoted = msg.quoted;
    if (quoted?.senderId === undefined || !msg.group) return 'unknown';
    return (await store.flaggedByText(msg.platform, msg.group.id, quoted.senderId, quoted.text)) ?? { unheld: quoted };
  }
  // Up to the command's place: run late (a rerun after a crash), it still means the one before it.
  if (msg.group && ctx.adapter.noReplies) return store.latestFlagged(msg.platform, msg.group.id, { ts: msg.ts, id: msg.follows });
  return undefined;
}

/** What to say when there is no message to act on: the one replied to was not flagged, the group has none flagged, or reply to one. */
export function noTargetText(ctx: CommandContext): string {
  if (!ctx.msg.group) return TEXTS.needReply(ctx.lang, false);
  if (ctx.msg.replyTo) return TEXTS.notFlagged(ctx.lang);
  return ctx.adapter.noReplies ? TEXTS.noFlaggedYet(ctx.lang) : TEXTS.needReply(ctx.lang, true);
}
