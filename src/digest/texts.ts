import type { Rating } from './rating.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import type { DigestCategoryLine, HeldBack } from './digest.js';
import type { Lang } from '../core/lang.js';
import { dayRangeText } from '../core/time/day-range.js';
import { formatNumber as f } from '../core/figures.js';

/** The digest's words in each language; figures are put in by render-text.ts. */
export interface DigestTexts {
  /** `from` and `to` are the week's first and last local days, "YYYY-MM-DD". */
  title: (week: string, from: string, to: string) => string;
  /** An ISO week ("2026-W47") where the trend names it. */
  weekLabel: (week: string) => string;
  nothing: string;
  /** Said in place of every figure, and why: all the digest's groups are under 5 people. */
  heldBack: Record<HeldBack, string>;
  /** That its figures leave out groups under 5 people (privacy.ts leftOut), with no number that would tell theirs. */
  smallGroupsLeftOut: string;
  total: (demands: number, hours: string) => string;
  /** `weeks`: how many earlier weeks the average is of (those shown). */
  trendVs: (avgHours: string, change: string, weeks: number) => string;
  afterHours: (n: number, percent: number) => string;
  byCategory: string;
  byGroup: string;
  count: (demands: number, hours: string) => string;
  trend: string;
  /** The chart's two titles. */
  chartByCategory: (week: string) => string;
  chartTrend: (weeks: number) => string;
  chartUnit: string;
  duplicates: string;
  duplicate: (groups: string) => string;
  ackStorms: string;
  ackStorm: (group: string, acks: number) => string;
  sprawl: string;
  overlap: (groups: string, percent: number) => string;
  /** Ends a list cut at its first items: `n` more not named. */
  more: (n: number) => string;
  leads: string;
  /** Members' corrections of the week's flags; said only when there are any. */
  feedback: (corrected: number, missed: number, bySender: number) => string;
  examples: string;
  /** When an example was sent, from its local ISO time ("2026-12-07T13:05:00+08:00"). */
  sentAt: (iso: string) => string;
  /** One quoted example: `text` already quoted. */
  example: (n: number, text: string, group: string, time: string, hours: string, rules: string) => string;
  quote: (text: string) => string;
  senders: string;
  /** How many demands a sender sent. */
  sent: (n: number) => string;
  legend: (yellow: number, red: number) => string;
  listSep: string;
  colon: string;
  ratings: Record<Rating, string>;
  /** Whose digest `--print` shows when nobody is subscribed. */
  everyone: string;
}

const RATINGS: Record<Rating, string> = { red: '🔴', yellow: '🟡', green: '🟢' };
const ZH_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九'];
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export const TEXTS: Record<Lang, DigestTexts> = {
  zh: {
    // Chinese readers count weeks as 第N周 and read dates, not ISO week codes.
    title: (w, f, t) => `【指尖减负周报】${w.slice(0, 4)}年第${Number(w.slice(6))}周（${dayRangeText(f, t, 'zh')}）`,
    weekLabel: (w) => `第${Number(w.slice(6))}周`,
    nothing: '本周没有发现指尖上的形式主义要求。',
    heldBack: {
      'all-small': '本周报所含的群都不足 5 人，为保护成员隐私，不显示任何统计数字。',
    },
    smallGroupsLeftOut: '为保护成员隐私，不足 5 人的群未计入本周报。',
    total: (n, h) => `本周形式主义要求 ${f(n)} 条，约 ${h} 人·小时。`,
    trendVs: (avg, change, w) => `前${ZH_NUMBERS[w] ?? f(w)}周平均 ${avg} 人·小时（${change}）。`,
    afterHours: (n, p) => `在非工作时间发出或要求完成的 ${f(n)} 条（占 ${p}%）。`,
    byCategory: '按类别：',
    byGroup: '按群组：',
    count: (n, h) => `${f(n)} 条，${h} 人·小时`,
    trend: '趋势（人·小时）：',
    chartByCategory: (w) => `${w.slice(0, 4)}年第${Number(w.slice(6))}周各类负担（人·小时）`,
    chartTrend: (n) => `近${n}周负担（人·小时）`,
    chartUnit: '人·小时',
    duplicates: '多头填报：',
    duplicate: (g) => `${g}重复发出相同要求`,
    ackStorms: '回复刷屏：',
    ackStorm: (g, n) => `${g}：一条要求后跟了 ${n} 条“收到”`,
    sprawl: '群组重叠：',
    overlap: (g, p) => `${g}成员重合 ${p}%`,
    more: (n) => `……另有 ${f(n)} 项`,
    leads: '成员匿名反映：',
    feedback: (c, m, own) =>
      `成员反馈：${c} 条被标为误报（已不计入${own ? `，其中 ${own} 条由发送人自己标记` : ''}），${m} 条被报为漏报（不计入，用于改进识别）。`,
    examples: '负担最重的要求：',
    sentAt: (iso) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`,
    example: (i, q, g, t, h, r) => `${i}. ${q}（${g}，${t}，约 ${h} 人·小时，规则 ${r}）`,
    quote: (text) => `「${text}」`,
    senders: '发出要求最多的人：',
    sent: (n) => `${f(n)} 条`,
    legend: (y, r) => `评级标准：每个群每周负担达 ${f(r)} 人·分钟为🔴，${f(y)} 人·分钟以上为🟡，其余为🟢。`,
    listSep: '、',
    colon: '：',
    ratings: RATINGS,
    everyone: '全部群组',
  },
  en: {
    title: (w, f, t) => `Fingertip digest ${w} (${f} to ${t})`,
    weekLabel: (w) => w.slice(5),
    nothing: 'Nothing flagged this week.',
    heldBack: {
      'all-small': "Every group of this digest has fewer than 5 people: to protect members' privacy, it shows no figures.",
    },
    smallGroupsLeftOut: "To protect members' privacy, groups under 5 people are not counted in this digest.",
    total: (n, h) => `${f(n)} formalism ${n === 1 ? 'demand' : 'demands'} this week, about ${h} person-hours.`,
    trendVs: (avg, change, w) => `Average of the previous ${w === 1 ? 'week' : `${EN_NUMBERS[w] ?? f(w)} weeks`}: ${avg} person-hours (${change}).`,
    afterHours: (n, p) => `Sent after hours or due then: ${f(n)} (${p}%).`,
    byCategory: 'By category:',
    byGroup: 'By group:',
    count: (n, h) => `${f(n)} ${n === 1 ? 'demand' : 'demands'}, ${h} person-hours`,
    trend: 'Trend (person-hours):',
    chartByCategory: (w) => `${w}: person-hours by category`,
    chartTrend: (n) => `Person-hours, last ${n} weeks`,
    chartUnit: 'h',
    duplicates: 'Duplicate requests:',
    duplicate: (g) => `${g} collected the same data`,
    ackStorms: 'Ack storms:',
    ackStorm: (g, n) => `${g}: one demand drew ${n} "received" replies`,
    sprawl: 'Overlapping groups:',
    overlap: (g, p) => `${g} share ${p}% of their members`,
    more: (n) => `… and ${f(n)} more`,
    leads: 'Anonymous leads from members:',
    feedback: (c, m, own) =>
      `Members' feedback: ${c} flagged ${c === 1 ? 'message' : 'messages'} marked not formalism (no longer counted${own ? `; ${own} of them by ${own === 1 ? 'its' : 'their'} own sender` : ''}), ${m} ${m === 1 ? 'demand' : 'demands'} reported missed (not counted; kept to improve the flags).`,
    examples: 'Heaviest demands:',
    sentAt: (iso) => `${iso.slice(5, 10)} ${iso.slice(11, 16)}`,
    example: (i, q, g, t, h, r) => `${i}. ${q} (${g}, ${t}, about ${h} person-hours, rule ${r})`,
    quote: (text) => `"${text}"`,
    senders: 'Most demands sent by:',
    sent: f,
    legend: (y, r) => `Rating per group-week: 🔴 from ${f(r)} person-minutes, 🟡 from ${f(y)}, else 🟢.`,
    listSep: ', ',
    colon: ': ',
    ratings: RATINGS,
    everyone: 'all groups',
  },
};

/** A category line's label as the digest shows it, in text and chart alike. */
export function categoryLabel(c: DigestCategoryLine, lang: Lang): string {
  return CATEGORY_LABELS[lang][c.category];
}
