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

/** Deletes the member's name and texts and anonymises their id; group totals stay right. */
export const forget: CommandHandler = async (ctx) => {
  await ctx.store.forgetUser(ctx.msg.platform, ctx.msg.sender.id);
  await ctx.replyPrivately(TEXTS.forgotten(ctx.lang));
};
