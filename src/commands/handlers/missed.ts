import { categoryWords } from '../category-words.js';
import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';

/**
 * A member reports a demand the bot left alone, naming its categories: the message it replies to,
 * else the group's latest message the bot did not flag. Its text is kept for `feedback export` (the
 * store holds none of unflagged messages; the bot holds their last few in memory for this).
 */
export const missed: CommandHandler = async (ctx) => {
  const { msg, store } = ctx;
  if (!msg.group) return ctx.replyPrivately(TEXTS.groupOnly(ctx.lang));
  const { categories, unknown } = categoryWords(ctx.args);
  if (categories.length === 0 || unknown.length > 0) return ctx.replyPrivately(TEXTS.missedWhich(unknown, ctx.lang));
  const replyTo = msg.replyTo ?? undefined;
  const record = replyTo === undefined ? undefined : await store.message(msg.platform, replyTo);
  const held = ctx.recent.find(msg.platform, msg.group.id, ctx.now, replyTo);
  const text = record?.text ?? held?.text;
  const senderId = held?.senderId ?? record?.senderId;
  const messageId = held?.id ?? record?.id;
  if (senderId !== undefined && (await store.isOptedOut(msg.platform, senderId))) return ctx.replyPrivately(TEXTS.missedOptedOut(ctx.lang));
  if (text == null || senderId === undefined || messageId === undefined) return ctx.replyPrivately(TEXTS.missedNoText(ctx.lang));
  if (record && categories.every((c) => record.categories.includes(c))) return ctx.replyPrivately(TEXTS.missedAlready(ctx.lang));
  await store.reportMissed({ platform: msg.platform, messageId, senderId, byUser: msg.sender.id, text, categories });
  await ctx.replyPrivately(TEXTS.missedThanks(ctx.lang));
};
