import type { Lang } from '../core/lang.js';
import { formatNumber as f } from '../core/figures.js';
import type { ChartPeriod } from './charts/demand-columns.js';

/**
 * The Markdown and HTML reports' words in each language, side by side; figures and user text are
 * put in by the renderers. A count a text takes as a number it formats itself (1,234), the others
 * come formatted; `groups` are names already escaped.
 */
export interface ReportTexts {
  title: string;
  /** A time of the report (ISO 8601 in the report's zone), as its readers write one. */
  when: (iso: string) => string;
  period: (from: string, to: string, timezone: string) => string;
  /** What a report's figures mean, for a reader who never heard of fingertip. */
  intro: string;
  messages: string;
  demands: string;
  burden: (personMinutes: string, personHours: string) => string;
  afterHours: string;
  /** The HTML cards' labels under each total. */
  cards: { messages: string; demands: string; personHours: string; afterHours: string };
  charts: string;
  burdenChart: string;
  hoursUnit: string;
  /** The demands chart's title, saying what one column counts. */
  demandsChart: Record<ChartPeriod, string>;
  byCategory: string;
  category: string;
  minutesPerRecipient: string;
  personHours: string;
  groups: string;
  group: string;
  members: string;
  noMessages: string;
  /** The last row of a table cut at TABLE_ROWS. */
  moreGroups: (n: string) => string;
  senders: string;
  sender: string;
  /** Before the number of a sender who opted out or was forgotten. */
  memberPrefix: string;
  /** A sender beside their platform, where a name or id of theirs is also another platform's (two people). */
  onPlatform: (name: string, platform: string) => string;
  moreSenders: (n: string) => string;
  /** The last line of a list of derived findings cut at FINDINGS_SHOWN. */
  moreFindings: (n: string) => string;
  derived: string;
  duplicates: (n: number) => string;
  /** `quote`: the first demand's words, already quoted (`quoted`), or '' when its text was not kept. */
  duplicate: (messages: number, groups: string, quote: string) => string;
  /** A demand's words as a finding quotes them. */
  quoted: (text: string) => string;
  ackStorms: (n: number) => string;
  ackStorm: (acks: number) => string;
  sprawl: (n: number) => string;
  overlap: (groups: string, percent: number) => string;
  evidence: (n: number) => string;
  textNotKept: string;
  personMinutesUnit: string;
  rules: string;
  none: string;
  noneFound: string;
  noFlagged: string;
  skipped: (n: number) => string;
  /** Between names in a list, and between the two groups of a pair. */
  listSep: string;
  and: string;
  colon: string;
}

const at = (iso: string) => ({ day: iso.slice(0, 10), time: iso.slice(11, 16) });

export const REPORT_TEXTS: Record<Lang, ReportTexts> = {
  zh: {
    title: '指尖上的形式主义报告',
    when: (iso) => {
      const { day, time } = at(iso);
      const [y, m, d] = day.split('-').map(Number);
      return `${y}年${m}月${d}日 ${time}`;
    },
    period: (from, to, tz) => `统计时段：${from} 至 ${to}（${tz === 'Asia/Shanghai' ? '北京时间' : `时区 ${tz}`}）`,
    intro:
      '“要求”是指要求全群留下服从痕迹的消息：打卡签到、填表报数、点赞转发、下载注册、排名通报、截图留痕、回复“收到”。' +
      '它的负担等于收到的人数（群成员中除发送人以外的人）乘以每人完成一次这类要求所花的分钟数。',
    messages: '消息',
    demands: '要求数',
    burden: (min, h) => `负担：${min} 人·分钟（${h} 人·小时）`,
    afterHours: '非工作时间的要求',
    cards: { messages: '条消息', demands: '条要求', personHours: '人·小时负担', afterHours: '条非工作时间要求' },
    charts: '图表',
    burdenChart: '各类负担（人·小时）',
    hoursUnit: '人·小时',
    demandsChart: { day: '每日要求数', week: '每周要求数（周一至周日，标为首日）', month: '每月要求数', year: '每年要求数' },
    byCategory: '按类别',
    category: '类别',
    minutesPerRecipient: '每人耗时（分钟）',
    personHours: '人·小时',
    groups: '群组',
    group: '群组',
    members: '人数',
    noMessages: '本时段没有消息。',
    moreGroups: (n) => `另有 ${n} 个群组`,
    senders: '发出要求的人',
    sender: '发送人',
    memberPrefix: '成员',
    onPlatform: (name, platform) => `${name}（${platform}）`,
    moreSenders: (n) => `另有 ${n} 位发送人`,
    moreFindings: (n) => `另有 ${n} 项（完整列表见 JSON 报告）`,
    derived: '其他发现',
    duplicates: (n) => `多头填报（${f(n)}）`,
    duplicate: (m, g, q) => `${g}中有 ${f(m)} 条消息重复发出相同要求${q}`,
    quoted: (text) => `“${text}”`,
    ackStorms: (n) => `回复刷屏（${f(n)}）`,
    ackStorm: (acks) => `${f(acks)} 条“收到”`,
    sprawl: (n) => `群组重叠（${f(n)}）`,
    overlap: (g, p) => `${g} 成员重合 ${p}%`,
    evidence: (n) => `证据（负担最重的 ${n} 条）`,
    textNotKept: '（未保留原文）',
    personMinutesUnit: '人·分钟',
    rules: '规则',
    none: '无。',
    noneFound: '未发现。',
    noFlagged: '没有被标记的消息。',
    skipped: (n) => `已跳过 ${f(n)} 个损坏的条目（--skip-bad），以上数字不含它们。`,
    listSep: '、',
    and: ' 与 ',
    colon: '：',
  },
  en: {
    title: 'Fingertip formalism report',
    when: (iso) => {
      const { day, time } = at(iso);
      return `${day} ${time}`;
    },
    period: (from, to, tz) => `Period: ${from} to ${to} (${tz})`,
    intro:
      'A demand is a message that asks a whole group for a trace of compliance: a check-in, a form, likes or votes, ' +
      'an app install, a ranking, a screenshot as proof, a "收到" reply. Its burden is the people it reaches ' +
      '(group members other than the sender) times the minutes each such demand costs one of them.',
    messages: 'Messages',
    demands: 'Demands',
    burden: (min, h) => `Burden: ${min} person-minutes (${h} person-hours)`,
    afterHours: 'After-hours demands',
    cards: { messages: 'messages', demands: 'demands', personHours: 'person-hours of burden', afterHours: 'after-hours demands' },
    charts: 'Charts',
    burdenChart: 'Burden by category (person-hours)',
    hoursUnit: 'h',
    demandsChart: {
      day: 'Demands per day',
      week: 'Demands per week (Monday to Sunday, by first day)',
      month: 'Demands per month',
      year: 'Demands per year',
    },
    byCategory: 'By category',
    category: 'Category',
    minutesPerRecipient: 'Minutes per recipient',
    personHours: 'Person-hours',
    groups: 'Groups',
    group: 'Group',
    members: 'Members',
    noMessages: 'No messages in this period.',
    moreGroups: (n) => `and ${n} more groups`,
    senders: 'Senders of demands',
    sender: 'Sender',
    memberPrefix: 'Member ',
    onPlatform: (name, platform) => `${name} (${platform})`,
    moreSenders: (n) => `and ${n} more senders`,
    moreFindings: (n) => `and ${n} more (the JSON report lists them all)`,
    derived: 'Derived findings',
    duplicates: (n) => `Duplicate requests (${f(n)})`,
    duplicate: (m, g, q) => `${f(m)} messages in ${g}${q ? ` (${q})` : ''}`,
    quoted: (text) => `“${text}”`,
    ackStorms: (n) => `Ack storms (${f(n)})`,
    ackStorm: (acks) => `${f(acks)} acknowledgements`,
    sprawl: (n) => `Group sprawl (${f(n)})`,
    overlap: (g, p) => `${g}: ${p}% the same members`,
    evidence: (n) => `Evidence (heaviest ${n})`,
    textNotKept: '(text not kept)',
    personMinutesUnit: 'person-min',
    rules: 'rules',
    none: 'None.',
    noneFound: 'None found.',
    noFlagged: 'No flagged messages.',
    skipped: (n) => `${f(n)} broken ${n === 1 ? 'entry was' : 'entries were'} skipped (--skip-bad); the figures leave ${n === 1 ? 'it' : 'them'} out.`,
    listSep: ', ',
    and: ' and ',
    colon: ': ',
  },
};
