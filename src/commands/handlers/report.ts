import type { ChatMessage } from '../../core/chat-message.js';
import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';

/** The lead a `report` files: the group it is about (none from a DM) and its words; undefined when it has none. */
export function leadOf(msg: ChatMessage, args: string): { groupId: string | null; text: string } | undefined {
  return args ? { groupId: msg.group?.id ?? null, text: args } : undefined;
}

/** An anonymous lead for the next digest: the sender is not stored with it. */
export const report: CommandHandler = async (ctx) => {
  const lead = leadOf(ctx.msg, ctx.args);
  if (!lead) return ctx.replyPrivately(TEXTS.leadEmpty(ctx.lang));
  // At the time it is handled, not sent: one sent before a digest went out and handled after it goes
  // in the next digest, as the thanks says. Its marks keep the time sent, which a redelivery repeats.
  await ctx.store.addLead(ctx.msg.platform, lead.groupId, lead.text, ctx.now, ctx.doneKey);
  await thankForLead(ctx);
};

/** The thanks for a lead, privately: also to a member whose identical lead was filed once already (../../bot/bot.ts). */
export const thankForLead: CommandHandler = (ctx) =>
  // Sent in a group's chat, the group read it; a DM or a slash command only the bot saw.
  ctx.replyPrivately(TEXTS.leadThanks(ctx.lang, ctx.msg.group !== null && !ctx.msg.toBotOnly));
