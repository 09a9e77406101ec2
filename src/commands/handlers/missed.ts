import type { QuotedContent } from '../../core/chat-message.js';
import type { MessageRecord } from '../../core/message-record.js';
import { categoryWords } from '../category-words.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { MAX_AGE_MS } from '../recent-texts.js';
import { noTargetText } from '../target.js';
import { TEXTS } from '../texts.js';
import { isAnonymousId } from '../../core/anonymous-id.js';
import { isBareAck } from '../../analysis/record/ack.js';

/**
 * A member reports a demand the bot left alone, naming its categories: the message it replies to,
 * else, where the platform has no replies (the shell), the group's latest message the bot did not
 * flag; elsewhere it asks for a reply, as `why` does, since a busy group's latest is often not the
 * one meant. Its text is kept for `feedback export` (the store holds none of unflagged messages; the
 * bot holds their last few in memory for this, and where the platform can look a message up, reads
 * one it does not hold back from there). A WeChat quote carries the quoted text and, when the adapter
 * can tell, its sender, but no id.
 */
export const missed: CommandHandler = async (ctx) => {
  const { msg, store } = ctx;
  if (!msg.group) return ctx.replyPrivately(TEXTS.groupOnly(ctx.lang));
  const { categories, unknown } = categoryWords(ctx.args);
  if (categories.length === 0 || unknown.length > 0) return ctx.replyPrivately(TEXTS.missedWhich(unknown, ctx.lang));
  if (!msg.replyTo && !msg.quotesUnknown && !ctx.adapter.noReplies) return ctx.replyPrivately(noTargetText(ctx));
  const source = msg.quotesUnknown && !msg.replyTo ? msg.quoted && (await fromQuote(ctx, msg.group.id, msg.quoted)) : await reportedMessage(ctx, msg.group.id);
  if (!source) return ctx.replyPrivately(TEXTS.quoteUnknown(ctx.lang));
  const { record, senderId, messageId, sentAt } = source;
  // A stored message of someone who opted out (or was forgotten) keeps no text: reported like any
  // other, with none, as a different answer would tell who opted out.
  const anonymous = record !== undefined && record.text == null && isAnonymousId(record.senderId);
  const text = anonymous ? null : source.text;
  // Whose a quote is decides whose it is to forget: a text with no known sender is not kept.
  if (text != null && senderId === undefined) return ctx.replyPrivately(TEXTS.missedWhose(ctx.lang));
  if ((text == null && !anonymous) || senderId === undefined || messageId === undefined || sentAt === undefined)
    // Without replies (the shell), the member meant the latest message, which was flagged or a command: say so, not that a text was lost.
    return ctx.replyPrivately(messageId === undefined && !msg.replyTo && !msg.quoted ? TEXTS.missedNoTarget(ctx.lang) : TEXTS.missedNoText(ctx.lang));
  if (record && categories.every((c) => record.categories.includes(c))) return ctx.replyPrivately(TEXTS.missedAlready(ctx.lang));
  // False when the sender was forgotten since, in whichever process: the text is not theirs to give.
  const kept = await store.reportMissed({ platform: msg.platform, messageId, senderId, byUser: msg.sender.id, text: text ?? null, categories, sentAt });
  await ctx.replyPrivately(kept ? TEXTS.missedThanks(ctx.lang) : TEXTS.missedNoText(ctx.lang));
};

interface Reported {
  /** The message's stored record, when it is stored. */
  record?: MessageRecord;
  text?: string | null;
  senderId?: string;
  messageId?: string;
  sentAt?: number;
}

/**
 * A quoted message: the flagged one it is, looked up by sender and text; else as its quote shows it.
 * A quote that does not show when it was sent counts as sent at 0: a sender who ever said `forget
 * me` keeps none of it.
 */
async function fromQuote(ctx: CommandContext, groupId: string, q: QuotedContent): Promise<Reported> {
  const record = q.senderId === undefined ? undefined : await ctx.store.flaggedByText(ctx.msg.platform, groupId, q.senderId, q.text);
  if (record) return { record, text: record.text, senderId: record.senderId, messageId: record.id, sentAt: record.ts };
  return asQuoted(q);
}

const asQuoted = (q: QuotedContent): Reported => ({ text: q.text, senderId: q.senderId, messageId: q.id, sentAt: q.sentAt ?? 0 });

/** The message replied to, else (the shell) the group's latest the bot did not flag: stored, held, quoted or read back from the platform. */
async function reportedMessage(ctx: CommandContext, groupId: string): Promise<Reported> {
  const { msg, store } = ctx;
  const replyTo = msg.replyTo ?? undefined;
  const record = replyTo === undefined ? undefined : await store.message(msg.platform, replyTo);
  const held = ctx.recent.find(msg.platform, groupId, ctx.now, replyTo);
  // A record of a sender forgotten or opted out (an anonymous id) had its text erased: not taken from
  // elsewhere; an acknowledgement's is none to report. One of a message left alone never kept it:
  // held here, or read back below.
  if (held || record?.text != null || (record && (isAnonymousId(record.senderId) || record.isAck))) {
    return {
      record,
      text: record?.text ?? held?.text,
      senderId: held?.senderId ?? record?.senderId,
      messageId: held?.id ?? record?.id,
      sentAt: held?.ts ?? record?.ts,
    };
  }
  // Its text neither stored nor held: as the quote shows it (DingTalk), else as the platform gives it back.
  if (replyTo !== undefined && msg.quoted?.id === replyTo) return { record, ...asQuoted(msg.quoted) };
  const fetched = replyTo !== undefined ? await readBack(ctx, replyTo) : undefined;
  return fetched ? { record, text: fetched.text, senderId: fetched.senderId, messageId: replyTo, sentAt: fetched.ts } : { record };
}

/**
 * The replied-to message from the platform, when it can tell and the message is recent enough to
 * report; as the bot holds messages, neither a picture or a file without words nor a bare "收到".
 */
async function readBack(ctx: CommandContext, messageId: string) {
  const found = await ctx.adapter.messageOf?.(messageId);
  if (!found || (found.kind ?? 'text') !== 'text' || isBareAck(found.text)) return undefined;
  return ctx.now - found.ts <= MAX_AGE_MS ? found : undefined;
}
