import { categoryWords } from '../category-words.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { MAX_AGE_MS } from '../recent-texts.js';
import { TEXTS } from '../texts.js';

/**
 * A member reports a demand the bot left alone, naming its categories: the message it replies to,
 * else the group's latest message the bot did not flag. Its text is kept for `feedback export` (the
 * store holds none of unflagged messages; the bot holds their last few in memory for this, and where
 * the platform can look a message up, reads one it does not hold back from there).
 */
export const missed: CommandHandler = async (ctx) => {
  const { msg, store } = ctx;
  if (!msg.group) return ctx.replyPrivately(TEXTS.groupOnly(ctx.lang));
  const { categories, unknown } = categoryWords(ctx.args);
  if (categories.length === 0 || unknown.length > 0) return ctx.replyPrivately(TEXTS.missedWhich(unknown, ctx.lang));
  if (msg.quotesUnknown && !msg.replyTo) return ctx.replyPrivately(TEXTS.quoteUnknown(ctx.lang));
  const replyTo = msg.replyTo ?? undefined;
  const record = replyTo === undefined ? undefined : await store.message(msg.platform, replyTo);
  const held = ctx.recent.find(msg.platform, msg.group.id, ctx.now, replyTo);
  // A stored record without text was erased (its sender forgotten or opted out): not read back.
  const fetched = !held && !record && replyTo !== undefined ? await readBack(ctx, replyTo) : undefined;
  const text = record?.text ?? held?.text ?? fetched?.text;
  const senderId = held?.senderId ?? record?.senderId ?? fetched?.senderId;
  const messageId = held?.id ?? record?.id ?? (fetched && replyTo);
  const sentAt = held?.ts ?? record?.ts ?? fetched?.ts;
  if (senderId !== undefined && (await store.isOptedOut(msg.platform, senderId))) return ctx.replyPrivately(TEXTS.missedOptedOut(ctx.lang));
  if (text == null || senderId === undefined || messageId === undefined || sentAt === undefined) return ctx.replyPrivately(TEXTS.missedNoText(ctx.lang));
  if (record && categories.every((c) => record.categories.includes(c))) return ctx.replyPrivately(TEXTS.missedAlready(ctx.lang));
  // False when the sender was forgotten since, in whichever process: the text is not theirs to give.
  const kept = await store.reportMissed({ platform: msg.platform, messageId, senderId, byUser: msg.sender.id, text, categories, sentAt });
  await ctx.replyPrivately(kept ? TEXTS.missedThanks(ctx.lang) : TEXTS.missedNoText(ctx.lang));
};

/** The replied-to message from the platform, when it can tell and the message is recent enough to report. */
async function readBack(ctx: CommandContext, messageId: string) {
  const found = await ctx.adapter.messageOf?.(messageId);
  return found && ctx.now - found.ts <= MAX_AGE_MS ? found : undefined;
}
