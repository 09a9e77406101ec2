import { groupWeekStats, memberWeekStats } from '../../analysis/week-stats.js';
import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';
import { STATS_GROUP } from '../parse.js';

/**
 * `stats` answers the member's own week privately (opted-out members get none); `stats group` in a
 * group answers the group's week in the group, the one figure everybody there may see.
 */
export const stats: CommandHandler = async (ctx) => {
  const { msg, store, config, lang, now } = ctx;
  if (msg.group && STATS_GROUP.test(ctx.args)) {
    const s = await groupWeekStats(store, config, msg.platform, msg.group.id, now);
    const { coverage } = await store.groupSettings(msg.platform, msg.group.id);
    const text = TEXTS.stats(s, 'group', msg.group.name ?? msg.group.id, lang);
    return ctx.replyInGroup(coverage === 'mentions-only' ? `${text} ${TEXTS.mentionsOnly(lang)}` : text);
  }
  if (await store.isOptedOut(msg.platform, msg.sender.id)) return ctx.replyPrivately(TEXTS.optedOutStats(lang));
  const s = await memberWeekStats(store, config, msg.platform, msg.sender.id, now);
  return ctx.replyPrivately(TEXTS.stats(s, 'member', msg.sender.name ?? msg.sender.id, lang));
};
