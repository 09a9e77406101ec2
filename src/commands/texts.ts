import type { WeekStats } from '../analysis/week-stats.js';
import { CATEGORIES } from '../core/categories.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import type { Lang } from '../core/lang.js';

function trend(s: WeekStats, lang: Lang): string {
  const before = s.previous.personMinutes;
  const now = s.current.personMinutes;
  if (before === 0) return now === 0 ? (lang === 'zh' ? '与上周持平' : 'same as last week') : lang === 'zh' ? '上周为 0' : 'none last week';
  const pct = Math.round(((now - before) / before) * 100);
  const arrow = pct > 0 ? '▲' : pct < 0 ? '▼' : '=';
  return lang === 'zh' ? `比上周 ${arrow}${Math.abs(pct)}%` : `${arrow} ${Math.abs(pct)}% vs last week`;
}

function categories(s: WeekStats, lang: Lang): string {
  const parts = CATEGORIES.filter((c) => s.current.byCategory[c] > 0).map((c) => `${CATEGORY_LABELS[lang][c]} ${s.current.byCategory[c]}`);
  return parts.join(lang === 'zh' ? '、' : ', ');
}

const hours = (minutes: number) => (minutes / 60).toFixed(1);

/** Everything the bot says, in both languages; one place so translations stay side by side. */
export const TEXTS = {
  stats(s: WeekStats, whose: 'group' | 'member', name: string, lang: Lang): string {
    const c = s.current;
    if (lang === 'zh') {
      const who = whose === 'group' ? `「${name}」本周` : '你本周收到';
      if (c.demands === 0) return `${who}（${s.week}）没有被标记的形式主义要求。${trend(s, lang)}。`;
      return `${who}（${s.week}）${c.demands} 条形式主义要求，约 ${Math.round(c.personMinutes)} 人·分钟（${hours(c.personMinutes)} 人·小时），${trend(s, lang)}。分类：${categories(s, lang)}。`;
    }
    const who = whose === 'group' ? `${name} this week` : 'You this week';
    if (c.demands === 0) return `${who} (${s.week}): no formalism demands flagged; ${trend(s, lang)}.`;
    return `${who} (${s.week}): ${c.demands} demand${c.demands === 1 ? '' : 's'}, about ${Math.round(c.personMinutes)} person-minutes (${hours(c.personMinutes)} person-hours), ${trend(s, lang)}. By category: ${categories(s, lang)}.`;
  },
  help(lang: Lang): string {
    return lang === 'zh'
      ? '我是 fingertip，统计群里的"指尖上的形式主义"。命令：统计（你本周的负担，私信给你）/ 统计 本群（在群里公布本群数据）；为什么（回复一条消息）；误报（回复一条消息）；漏报 <类别>（回复一条没被标记的形式主义消息，如"漏报 打卡 截图"）；反映 <内容>（匿名反映）；退出统计 / 加入统计；删除我的数据。群管理员：设置 模式 静默|提醒、设置 关闭规则 <规则>、设置 开启规则 <规则>、设置 语言 zh|en、设置 主管 <用户>、设置 查看。'
      : 'I\'m fingertip: I count fingertip formalism in this group. Commands: stats (your own week, sent to you privately) / stats group (this group\'s week, in the group); why (reply to a message); not formalism (reply to a message); missed <categories> (reply to a demand I left alone, e.g. "missed check-in screenshot"); report <text> (anonymous lead); optout / optin; forget me. Group admins: config mode silent|nudge, config disable <rule>, config enable <rule>, config language zh|en, config supervisor <user>, config show.';
  },
  unknown(word: string, lang: Lang): string {
    return lang === 'zh' ? `不认识的命令"${word}"。发送"帮助"查看命令。` : `Unknown command "${word}". Send "help" for the commands.`;
  },
  optedOutStats: (lang: Lang) => (lang === 'zh' ? '你已退出统计；发送"加入统计"可恢复。' : 'You opted out of personal stats; send "optin" to resume.'),
  optedOut: (lang: Lang) => (lang === 'zh' ? '已退出：不再为你生成个人统计。' : 'Done: no more personal stats for you.'),
  optedIn: (lang: Lang) => (lang === 'zh' ? '已加入：会为你生成个人统计。' : 'Done: your personal stats are back on.'),
  forgotten: (lang: Lang) =>
    lang === 'zh' ? '已删除你的姓名和消息文本，你的编号已匿名化。' : 'Done: your name and message texts are deleted and your id is anonymised.',
  leadThanks: (lang: Lang) => (lang === 'zh' ? '收到反映，已匿名记录，会出现在下一期周报中。' : 'Thank you: recorded anonymously for the next weekly digest.'),
  leadEmpty: (lang: Lang) => (lang === 'zh' ? '请在"反映"后写上内容。' : 'Write what to report after "report".'),
  needReply: (lang: Lang) => (lang === 'zh' ? '请回复一条消息再发这个命令。' : 'Reply to a message with this command.'),
  quoteUnknown: (lang: Lang) =>
    lang === 'zh'
      ? '找不到你引用的那条消息（可能早于机器人这次启动），请引用一条较新的消息。'
      : "I can't tell which message you quoted (it may be from before I last started); quote a newer one.",
  whyUnheld: (lang: Lang) =>
    lang === 'zh'
      ? '我没有标记过这条消息（可能没读到它）。按现在的规则和模型读引用的文字：'
      : 'I never flagged that message (I may not have read it). Reading the quoted text now:',
  unheldNotFlagged: (lang: Lang) =>
    lang === 'zh'
      ? '我没有标记过这条消息，按现在的规则和模型读引用的文字也不会标记。如果它是形式主义要求，请回复它"漏报 <类别>"。'
      : 'I never flagged that message, and reading the quoted text now I would not. If it is a formalism demand, reply to it with "missed <categories>".',
  unheldNothingToUndo: (lang: Lang) =>
    lang === 'zh'
      ? '我没有这条消息的标记记录（可能没读到它，或它的文字已删除），没有可撤销的。'
      : 'I hold no flagged record of that message (I may not have read it, or its text was erased), so there is nothing to undo.',
  notFlagged: (lang: Lang) =>
    lang === 'zh'
      ? '这条消息没有被标记。如果它是形式主义要求，请回复它"漏报 <类别>"。'
      : 'That message was not flagged. If it is a formalism demand, reply to it with "missed <categories>".',
  falsePositiveThanks: (lang: Lang) => (lang === 'zh' ? '已记为误报，不再计入统计，谢谢。' : 'Recorded as a false positive; it no longer counts. Thank you.'),
  missedWhich(unknown: readonly string[], lang: Lang): string {
    const names = CATEGORIES.map((c) => CATEGORY_LABELS[lang][c]).join(lang === 'zh' ? '、' : ', ');
    if (lang === 'zh') return `${unknown.length ? `不认识"${unknown.join(' ')}"。` : ''}请写明它要求什么，如"漏报 打卡 截图"。类别：${names}。`;
    return `${unknown.length ? `I don't know "${unknown.join(' ')}". ` : ''}Say what it demands, e.g. "missed check-in screenshot". Categories: ${names}.`;
  },
  missedNoText: (lang: Lang) =>
    lang === 'zh'
      ? '我已没有这条消息的文本：没被标记的消息不保存文本，只在内存里留每个群最近的几十条、一天。请回复一条较新的消息。'
      : "I no longer hold that message's text: I keep none of the messages I leave alone, only each group's latest few dozen in memory for a day. Reply to a more recent one.",
  missedWhose: (lang: Lang) =>
    lang === 'zh'
      ? '看不出被引用的消息是谁发的（我还没见过这位成员），所以不保存它。'
      : "I can't tell who sent the quoted message (I have not heard from them yet), so I keep nothing of it.",
  missedOptedOut: (lang: Lang) => (lang === 'zh' ? '这条消息的发送者已退出统计，不能保存它的文本。' : 'Its sender opted out, so I keep nothing of it.'),
  missedAlready: (lang: Lang) => (lang === 'zh' ? '这条消息已按这些类别标记。' : 'That message is already flagged for those.'),
  missedThanks: (lang: Lang) =>
    lang === 'zh'
      ? '已记为漏报，用来训练模型识别这类消息；它不计入统计。谢谢。'
      : 'Recorded as a missed demand, kept to train the model on messages like it; it does not count in the figures. Thank you.',
  adminOnly: (lang: Lang) => (lang === 'zh' ? '只有群主或群管理员可以修改设置。' : 'Only the group owner or admins can change settings.'),
  mentionsOnly: (lang: Lang) =>
    lang === 'zh'
      ? '（mentions-only：本群只统计@机器人的消息，完整数据请导出聊天记录后用 fingertip audit。）'
      : '(mentions-only: only messages that @-mention the bot are counted here; audit an export for the full picture.)',
  groupOnly: (lang: Lang) => (lang === 'zh' ? '请在群里发这个命令。' : 'Send this command in the group.'),
} as const;
