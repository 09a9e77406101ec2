import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';

/** An anonymous lead for the next digest: the sender is not stored with it. */
export const report: CommandHandler = async (ctx) => {
  if (!ctx.args) return ctx.replyPrivately(TEXTS.leadEmpty(ctx.lang));
  await ctx.store.addLead(ctx.msg.platform, ctx.msg.group?.id ?? null, ctx.args, ctx.now, ctx.doneKey);
  // Sent in a group's chat, the group read it; a DM or a slash command only the bot saw.
  await ctx.replyPrivately(TEXTS.leadThanks(ctx.lang, ctx.msg.group !== null && !ctx.msg.toBotOnly));
};
