import { groupWeekStats, memberWeekStats } from '../../stats/week-stats.js';
import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';

const PERSONAL = /^(me|mine|my|我|我的|个人)$/iu;

/**
 * `stats` in a group answers the group's week in the group; `stats me`, or `stats` in a direct
 * message, answers the member's own week privately. Opted-out members get no personal figures.
 */
export const stats: CommandHandler = async (ctx) => {
  const { msg, store, config, lang, now } = ctx;
  if (msg.group && !PERSONAL.test(ctx.args)) {
    const s = await groupWeekStats(store, config, msg.platform, msg.group.id, now);
    return ctx.replyInGroup(TEXTS.stats(s, 'group', msg.group.name ?? msg.group.id, lang));
  }
  if (await store.isOptedOut(msg.platform, msg.sender.id)) return ctx.replyPrivately(TEXTS.optedOutStats(lang));
  const s = await memberWeekStats(store, config, msg.platform, msg.sender.id, now);
  return ctx.replyPrivately(TEXTS.stats(s, 'member', msg.sender.name ?? msg.sender.id, lang));
};
