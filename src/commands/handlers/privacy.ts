import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';

export const optout: CommandHandler = async (ctx) => {
  await ctx.store.setOptOut(ctx.msg.platform, ctx.msg.sender.id, true);
  await ctx.replyPrivately(TEXTS.optedOut(ctx.lang));
};

export const optin: CommandHandler = async (ctx) => {
  await ctx.store.setOptOut(ctx.msg.platform, ctx.msg.sender.id, false);
  await ctx.replyPrivately(TEXTS.optedIn(ctx.lang));
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
