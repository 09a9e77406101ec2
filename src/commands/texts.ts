import type { WeekStats } from '../analysis/week-stats.js';
import { CATEGORIES } from '../core/categories.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import type { Lang } from '../core/lang.js';
import { dayRangeText } from '../core/time/day-range.js';
import { formatNumber, personHours } from '../core/figures.js';
import type { CommandName } from './parse.js';

/** How the week's burden moved since last week's. */
function trend(s: WeekStats, lang: Lang): string {
  const before = s.previous.personMinutes;
  const now = s.current.personMinutes;
  if (before === 0) return now === 0 ? (lang === 'zh' ? '上周也没有' : 'none last week either') : lang === 'zh' ? '上周没有' : 'none last week';
  const pct = Math.round(((now - before) / before) * 100);
  if (lang === 'zh') return pct === 0 ? '负担与上周持平' : `负担比上周${pct > 0 ? '增加' : '减少'} ${Math.abs(pct)}%`;
  return pct === 0 ? 'the same burden as last week' : `burden ${pct > 0 ? 'up' : 'down'} ${Math.abs(pct)}% on last week`;
}

/** The counts by category; one message may demand several things, so they can add up to more than the demands. */
function categories(s: WeekStats, lang: Lang): string {
  const counts = CATEGORIES.filter((c) => s.current.byCategory[c] > 0);
  const parts = counts.map((c) => `${CATEGORY_LABELS[lang][c]} ${formatNumber(s.current.byCategory[c])}${lang === 'zh' ? ' 条' : ''}`);
  const several = counts.reduce((sum, c) => sum + s.current.byCategory[c], 0) > s.current.demands;
  if (lang === 'zh') return `按类别${several ? '（一条消息可属多类）' : ''}：${parts.join('、')}`;
  return `By category${several ? ' (a message can be in several)' : ''}: ${parts.join(', ')}`;
}

/** How a hint writes each command, as `help` lists it. */
const FORMS: Record<CommandName, Record<Lang, string[]>> = {
  stats: { zh: ['统计', '统计 本群'], en: ['stats', 'stats group'] },
  help: { zh: [], en: [] }, // the hint names help anyway
  why: { zh: ['为什么'], en: ['why'] },
  'not-formalism': { zh: ['误报'], en: ['not formalism'] },
  missed: { zh: ['漏报 类别'], en: ['missed <categories>'] },
  config: { zh: ['设置 查看'], en: ['config show'] },
  report: { zh: ['反映 内容'], en: ['report <text>'] },
  optout: { zh: ['退出统计'], en: ['optout'] },
  optin: { zh: ['加入统计'], en: ['optin'] },
  forget: { zh: ['删除我的数据'], en: ['forget me'] },
};

/** Everything the bot says, in both languages; one place so translations stay side by side. */
export const TEXTS = {
  stats(s: WeekStats, whose: 'group' | 'member', name: string, lang: Lang): string {
    const c = s.current;
    const when = dayRangeText(s.days.first, s.days.last, lang);
    const minutes = formatNumber(Math.round(c.personMinutes));
    const demands = formatNumber(c.demands);
    if (lang === 'zh') {
      if (c.demands === 0)
        return whose === 'group'
          ? `「${name}」本周（${when}）没有被标记的要求；${trend(s, lang)}。`
          : `你本周（${when}）没有收到被标记的要求；${trend(s, lang)}。`;
      const head =
        whose === 'group' ? `「${name}」本周（${when}）共有 ${demands} 条疑似形式主义要求，合计约` : `你本周（${when}）收到 ${demands} 条疑似形式主义要求，约`;
      return `${head} ${minutes} 人·分钟（${personHours(c.personMinutes)} 人·小时）；${trend(s, lang)}。${categories(s, lang)}。`;
    }
    const who = whose === 'group' ? `${name} this week` : 'You this week';
    if (c.demands === 0) return `${who} (${when}): no demands flagged; ${trend(s, lang)}.`;
    const n = `${demands} possible formalism demand${c.demands === 1 ? '' : 's'}`;
    return `${who} (${when}): ${n}, about ${minutes} person-minutes (${personHours(c.personMinutes)} person-hours); ${trend(s, lang)}. ${categories(s, lang)}.`;
  },
  help(lang: Lang): string {
    return lang === 'zh'
      ? [
          '我是 fingertip，只统计群里的“指尖上的形式主义”，平时不在群里发言。',
          '· 统计：私信告诉你本周收到的要求和耗时',
          '· 统计 本群：在群里公布本群本周汇总',
          '· 为什么：回复或引用一条被标记的消息发送，私信说明原因',
          '· 误报：回复或引用被误标的消息发送，撤销标记',
          '· 漏报 类别：回复或引用没被标出的要求，如“漏报 接龙 截图”',
          '· 反映 内容：匿名反映问题（请私信我，群里发的大家都能看到）',
          '· 退出统计 / 加入统计：停止或恢复统计你本人的数据',
          '· 删除我的数据：删除你的名字和消息内容，你的编号改为匿名；删除后无法恢复',
          '群主或管理员：设置 模式 静默|提醒、设置 关闭规则 规则编号、设置 开启规则 规则编号、设置 语言 中文|英文|自动、设置 周报接收人 用户名、设置 取消周报接收人 用户名|全部、设置 查看',
        ].join('\n')
      : [
          "I'm fingertip: I count fingertip formalism in this group, and I stay quiet in it.",
          '· stats: your own week, sent to you privately',
          "· stats group: this group's week, posted in the group",
          '· why: reply to a flagged message to learn why, privately',
          '· not formalism: reply to a message flagged by mistake to undo it',
          '· missed <categories>: reply to a demand I left alone, e.g. "missed check-in screenshot"',
          '· report <text>: an anonymous lead for the digest (send it to me privately; the group sees what is said in it)',
          '· optout / optin: stop or resume your own stats',
          '· forget me: deletes your name and message texts and anonymises your id; it cannot be undone',
          'Group admins: config mode silent|nudge, config disable <rule>, config enable <rule>, config language zh|en|auto, config supervisor <user>, config remove-supervisor <user>|all, config show',
        ].join('\n');
  },
  /** To a message that is almost a command: the commands it nearly spells, and help. */
  near(names: readonly CommandName[], lang: Lang): string {
    const forms = names.flatMap((name) => FORMS[name][lang]);
    if (lang === 'zh') return `${forms.length ? `你是想发“${forms.join('”或“')}”吗？` : ''}发送“帮助”查看我能做的事。`;
    return `${forms.length ? `Did you mean "${forms.join('" or "')}"? ` : ''}Send "help" for what I can do.`;
  },
  unknown(word: string, lang: Lang): string {
    return lang === 'zh' ? `不认识的命令“${word}”。发送“帮助”查看命令。` : `Unknown command "${word}". Send "help" for the commands.`;
  },
  optedOutStats: (lang: Lang) => (lang === 'zh' ? '你已退出统计；发送“加入统计”可恢复。' : 'You opted out of personal stats; send "optin" to resume.'),
  forgottenStats: (lang: Lang) =>
    lang === 'zh' ? '你已删除过自己的数据，删除后不再为你保留个人统计。' : 'You erased your data (forget me): personal stats are not kept after an erasure.',
  optedOut: (lang: Lang) => (lang === 'zh' ? '已退出统计，不再为你生成个人统计。' : 'Done: no more personal stats for you.'),
  optedIn: (lang: Lang) => (lang === 'zh' ? '已重新加入统计，将继续为你生成个人统计。' : 'Done: your personal stats are back on.'),
  /** `optin` from one who said `forget me`: their messages count as theirs again, but `stats` keeps no figures for them. */
  optedInAfterErasure: (lang: Lang) =>
    `${lang === 'zh' ? '已加入统计，你之后的消息将按你的账号记录。' : 'Done: your new messages are recorded under your id. '}${TEXTS.forgottenStats(lang)}`,
  forgotten: (lang: Lang) =>
    lang === 'zh' ? '已删除你的姓名和消息文本，你的账号标识已匿名化。' : 'Done: your name and message texts are deleted and your id is anonymised.',
  leadThanks: (lang: Lang, inGroup: boolean) =>
    lang === 'zh'
      ? `已匿名记录，将汇入下一期周报。${inGroup ? '提醒：在群里发的内容其他成员也能看到，下次可以私信我。' : ''}`
      : `Thank you: recorded anonymously for the next weekly digest.${inGroup ? ' The group saw what you wrote, though: next time, send it to me privately.' : ''}`,
  leadEmpty: (lang: Lang) => (lang === 'zh' ? '请在“反映”后写上内容。' : 'Write what to report after "report".'),
  /** Said on every platform (a reply, a quote or a thread), and in a direct message, where there is no group message to reply to. */
  needReply: (lang: Lang, inGroup: boolean) =>
    inGroup
      ? lang === 'zh'
        ? '请回复（或引用）你要说的那条消息来发送这个命令。'
        : 'Send this command as a reply to the message you mean.'
      : lang === 'zh'
        ? '这个命令说的是群里的一条消息：请在群里回复（或引用）那条消息来发送它，我的回答只发给你。'
        : 'This command is about a message in a group: send it there, as a reply to that message; my answer goes to you alone.',
  noFlaggedYet: (lang: Lang) => (lang === 'zh' ? '本群最近没有被标记的消息。' : 'Nothing has been flagged in this group lately.'),
  quoteUnknown: (lang: Lang) =>
    lang === 'zh'
      ? '找不到你引用的那条消息（可能是机器人重启之前发的），请引用一条较新的消息。'
      : "I can't tell which message you quoted (it may be from before I last started); quote a newer one.",
  whyUnheld: (lang: Lang) =>
    lang === 'zh'
      ? '我当时没有标记这条消息（可能没收到它）。按现在的规则和模型重新判断引用的文字：'
      : 'I never flagged that message (I may not have read it). Reading the quoted text now:',
  unheldNotFlagged: (lang: Lang) =>
    lang === 'zh'
      ? '我当时没有标记这条消息，按现在的规则和模型重新判断也不会标记。如果它是形式主义要求，请引用它发送“漏报 类别”。'
      : 'I never flagged that message, and reading the quoted text now I would not. If it is a formalism demand, reply to it with "missed <categories>".',
  unheldNothingToUndo: (lang: Lang) =>
    lang === 'zh'
      ? '我没有这条消息的标记记录（可能没读到它，或它的文字已删除），没有可撤销的。'
      : 'I hold no flagged record of that message (I may not have read it, or its text was erased), so there is nothing to undo.',
  notFlagged: (lang: Lang) =>
    lang === 'zh'
      ? '这条消息没有被标记。如果它是形式主义要求，请引用它发送“漏报 类别”。'
      : 'That message was not flagged. If it is a formalism demand, reply to it with "missed <categories>".',
  falsePositiveThanks: (excerpt: string, lang: Lang) =>
    lang === 'zh'
      ? `已将${excerpt ? `「${excerpt}」` : '这条消息'}记为误报，不再计入统计。谢谢！`
      : `Recorded ${excerpt ? `"${excerpt}"` : 'that message'} as a false positive; it no longer counts. Thank you.`,
  handledBefore: (lang: Lang) =>
    lang === 'zh' ? '这条命令在之前的一次运行中已处理过，这次不再执行。' : 'This command was handled in an earlier run, so it is not done again.',
  missedWhich(unknown: readonly string[], lang: Lang): string {
    const names = CATEGORIES.map((c) => CATEGORY_LABELS[lang][c]).join(lang === 'zh' ? '、' : ', ');
    if (lang === 'zh') return `${unknown.length ? `“${unknown.join(' ')}”不是可用的类别词。` : ''}请写明它要求什么，如“漏报 打卡 截图”。类别：${names}。`;
    return `${unknown.length ? `I don't know "${unknown.join(' ')}". ` : ''}Say what it demands, e.g. "missed check-in screenshot". Categories: ${names}.`;
  },
  missedNoText: (lang: Lang) =>
    lang === 'zh'
      ? '这条消息已经找不到了：为保护隐私，没被标记的消息只在内存中暂存一天（每群最近几十条）。请引用一条较新的消息。'
      : "I no longer hold that message's text: I keep none of the messages I leave alone, only each group's latest few dozen in memory for a day. Reply to a more recent one.",
  missedNoTarget: (lang: Lang) =>
    lang === 'zh'
      ? '我手上没有这个群最近未被标记的消息（这类消息只在内存中暂存一天，重启后也会清空）。请在要报告的那条消息之后紧接着发“漏报 类别”。'
      : 'I hold none of this group\'s recent messages that I left alone (they are kept only in memory, for a day, and not across a restart). Send "missed <categories>" right after the message you mean.',
  missedWhose: (lang: Lang) =>
    lang === 'zh'
      ? '无法确定被引用消息的发送人（这位成员还没在群里发过言），因此不保存这条消息。'
      : "I can't tell who sent the quoted message (I have not heard from them yet), so I keep nothing of it.",
  missedAlready: (lang: Lang) => (lang === 'zh' ? '这条消息已经标记为这些类别，无需再报。' : 'That message is already flagged for those.'),
  missedThanks: (lang: Lang) =>
    lang === 'zh'
      ? '已记为漏报，将用于改进识别；这条消息不计入统计。谢谢！'
      : 'Recorded as a missed demand, kept to train the model on messages like it; it does not count in the figures. Thank you.',
  adminOnly: (lang: Lang) => (lang === 'zh' ? '只有群主或群管理员可以修改设置。' : 'Only the group owner or admins can change settings.'),
  mentionsOnly: (lang: Lang) =>
    lang === 'zh'
      ? '（本群机器人只能收到@它的消息，以上数据不完整；如需完整统计，可由管理员导出聊天记录离线分析。）'
      : '(Here the bot only receives messages that @-mention it, so these figures are incomplete; an admin can audit an export of the chat for the full picture.)',
  groupOnly: (lang: Lang) => (lang === 'zh' ? '请在群里发这个命令。' : 'Send this command in the group.'),
} as const;
