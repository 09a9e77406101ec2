import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';

export const optout: CommandHandler = async (ctx) => {
  await ctx.store.setOptOut(ctx.msg.platform, ctx.msg.sender.id, true);
  await ctx.replyPrivately(TEXTS.optedOut(ctx.lang));
};

export const optin: CommandHandler = async (ctx) => {
  const { platform, sender } = ctx.msg;
  await ctx.store.setOptOut(platform, sender.id, false);
  // After `forget me` stats gives no personal figures (stats.ts): say so, not that they are back.
  const erased = await ctx.store.forgottenSince(platform, sender.id, 0);
  await ctx.replyPrivately(erased ? TEXTS.optedInAfterErasure(ctx.lang) : TEXTS.optedIn(ctx.lang));
};

/**
 * Deletes the member's name and texts and anonymises their id; group totals stay right. Settings that
 * named them a supervisor lost them: the bot must not write its cached copy back.
 */
export const forget: CommandHandler = async (ctx) => {
  const { supervisedGroups } = await ctx.store.forgetUser(ctx.msg.platform, ctx.msg.sender.id);
  ctx.recent.forget(ctx.msg.platform, ctx.msg.sender.id);
  for (const id of supervisedGroups) ctx.settingsChanged(id);
  await ctx.replyPrivately(TEXTS.forgotten(ctx.lang));
};
