import { groupWeekStats, memberWeekStats } from '../../analysis/week-stats.js';
import { Pseudonyms, PSEUDONYM_PREFIX } from '../../core/pseudonyms.js';
import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';
import { STATS_GROUP } from '../parse.js';

/**
 * `stats` answers the member's own week privately (opted-out and forgotten members get none), in the
 * language it was asked in; `stats group` in a group answers the group's week in the group, the one
 * figure everybody there may see, in the group's `config language` if set.
 */
export const stats: CommandHandler = async (ctx) => {
  const { msg, store, config, lang, now } = ctx;
  if (msg.group && STATS_GROUP.test(ctx.args)) {
    const s = await groupWeekStats(store, config, msg.platform, msg.group.id, now);
    const { coverage, language } = await store.groupSettings(msg.platform, msg.group.id);
    // Posted in the group, so in the group's language where its admins set one.
    const said = language ?? lang;
    // Its name shows no member who opted out or was forgotten ("王小明的工作群" reads 成员1的工作群), as the
    // digest's; the group's known people are read only then, so a name holding a hidden one stays whole
    // (张三丰's group with 张三 forgotten).
    const hiddenNames = await store.hiddenNames();
    const people = hiddenNames.names.length ? await store.peopleOf({ platform: msg.platform, groupIds: [msg.group.id], from: 0, to: now + 1 }) : [];
    const hidden = new Pseudonyms(people, PSEUDONYM_PREFIX[said], hiddenNames);
    const text = TEXTS.stats(s, 'group', hidden.hide(msg.group.name ?? msg.group.id), said);
    return ctx.replyInGroup(coverage === 'mentions-only' ? `${text} ${TEXTS.mentionsOnly(said)}` : text);
  }
  if (await store.isOptedOut(msg.platform, msg.sender.id)) return ctx.replyPrivately(TEXTS.optedOutStats(lang));
  // After `forget me` their id stays out of member lists (README), so their own figures would be a false zero.
  if (await store.forgottenSince(msg.platform, msg.sender.id, 0)) return ctx.replyPrivately(TEXTS.forgottenStats(lang));
  const s = await memberWeekStats(store, config, msg.platform, msg.sender.id, now);
  return ctx.replyPrivately(TEXTS.stats(s, 'member', msg.sender.name ?? msg.sender.id, lang));
};
