import type { CommandHandler } from '../context.js';
import { noTargetText, targetMessage } from '../target.js';
import { excerpt } from '../../core/excerpt.js';
import { TEXTS } from '../texts.js';

/** Records a false positive (kept for tuning); the message stops counting. */
export const notFormalism: CommandHandler = async (ctx) => {
  const record = await targetMessage(ctx);
  if (record === 'unknown') return ctx.replyPrivately(TEXTS.quoteUnknown(ctx.lang));
  if (!record) return ctx.replyPrivately(noTargetText(ctx));
  if ('unheld' in record) return ctx.replyPrivately(TEXTS.unheldNothingToUndo(ctx.lang));
  if (record.findings.length === 0) return ctx.replyPrivately(TEXTS.notFlagged(ctx.lang));
  // Done in the same commit: a run again after a crash finds it done, not the message before unflagged.
  await ctx.store.markFalsePositive(record.platform, record.id, null, ctx.msg.sender.id, ctx.doneKey);
  await ctx.replyPrivately(TEXTS.falsePositiveThanks(excerpt(record.text ?? ''), ctx.lang));
};
