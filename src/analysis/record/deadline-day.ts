import { isoWeekdayOfDay } from '../../core/time/local.js';
import { DAY_MS } from '../../core/time/units.js';
import { listAlternation } from '../../engine/code-lists.js';
import { ZH_NUM, zhNumber } from './zh-number.js';

// The day a deadline names, counted from the local day its message was sent: a word for today or the
// next days (今晚, 明早, tomorrow), a weekday (周六, 下周一, next Monday) or a date (12月12日, 下个月5号, 8号, Dec 12).
// DAY_ZH and DAY_EN are embedded in the extractor's patterns; their own groups serve dayOffset only.
const RELATIVE = `${listAlternation('deadline-days-zh')}|${listAlternation('deadline-days-en')}`;
// Next week's and next month's words may repeat (下下周一, 下下个月): each says one more on.
const NEXT_WEEK = listAlternation('deadline-next-week');
const NEXT_MONTH = listAlternation('deadline-next-month');
const WEEK = `(?:((?:${NEXT_WEEK})+)|${listAlternation('deadline-this-week')})?\\s*`;
const WEEKDAY_ZH = `${listAlternation('deadline-weekdays-zh')}\\s*([一二三四五六日天])`;
const WEEKDAY_EN = `(${listAlternation('deadline-weekdays-en')})\\b`;
const MONTH_EN = `(${listAlternation('deadline-months-en')})\\b\\.?`;
const ORDINAL = '(?:st|nd|rd|th)?\\b';

const MONTH_ZH = `(?:(?:(\\d{4})\\s*年\\s*)?(\\d{1,2}|${ZH_NUM})|((?:${NEXT_MONTH})+)|(${listAlternation('deadline-this-month')}))\\s*月`;
const DATE_ZH = `(?:${MONTH_ZH}\\s*)?(\\d{1,2}|${ZH_NUM})\\s*[日号](?:\\s*\\(?\\s*${WEEKDAY_ZH}\\s*\\)?)?`;
const DATE_EN = `(?:${WEEKDAY_EN},?\\s+)?(?:${MONTH_EN}\\s*(\\d{1,2})${ORDINAL}|(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH_EN})`;
const WEEKDAY = `${WEEK}(?:${WEEKDAY_ZH}|${WEEKDAY_EN})`;

export const DAY_ZH = `(?:${RELATIVE}|${WEEKDAY}|${DATE_ZH})`;
// A date before a weekday: "Thursday 20 March" is read whole, not as its weekday alone.
export const DAY_EN = `(?:${RELATIVE}|${DATE_EN}|${WEEKDAY})`;

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`, 'u');
const RELATIVE_RE = whole(RELATIVE);
const WEEKDAY_RE = whole(WEEKDAY);
const DATE_ZH_RE = whole(DATE_ZH);
const DATE_EN_RE = whole(DATE_EN);
const NEXT_WEEK_G = new RegExp(NEXT_WEEK, 'gu');
const NEXT_MONTH_G = new RegExp(NEXT_MONTH, 'gu');

/** How many times `said` repeats a word of `next` (下下个 is two). */
const timesSaid = (said: string, next: RegExp) => said.match(next)!.length;

const EN_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date further ahead is not read: a deadline set in a chat is weeks away at most, and "12月1日"
 * said on 2 December is more likely a slip than a deadline a year on.
 */
const MAX_DAYS_AHEAD = 60;

/** ISO weekday (1 = Monday) of 一 to 六, 日 or 天, or of an English name by its first three letters. */
function weekdayOf(zh: string | undefined, en: string | undefined): number | undefined {
  if (en) return EN_WEEKDAYS.indexOf(en.slice(0, 3)) + 1;
  if (zh) return zh === '日' || zh === '天' ? 7 : zhNumber(zh);
  return undefined;
}

/** The day number of a calendar date, or null when there is none (2月30日, 31号 in November). */
function dayOfDate(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? t / DAY_MS : null;
}

/**
 * 下周六 is the Saturday of the week after this one (weeks start on Monday), 下下周六 of the week after
 * that; 周六 the next Saturday to come, a week on when said on a Saturday.
 */
function weekdayOffset(sentOn: number, weekday: number, weeksOn: number): number {
  const today = isoWeekdayOfDay(sentOn);
  return weeksOn ? 7 * weeksOn - today + weekday : ((weekday - today + 6) % 7) + 1;
}

/** The day number of `day` in the month `monthsOn` months after `month` of `year`, or null. */
function dayMonthsOn(year: number, month: number, monthsOn: number, day: number): number | null {
  const m = month - 1 + monthsOn;
  return dayOfDate(year + Math.floor(m / 12), (m % 12) + 1, day);
}

/**
 * A date as a deadline names it: the year and month when said (or the month as months after this one:
 * 0 for 本月, 1 for 下个月), and the weekday said beside it.
 */
interface NamedDate {
  year?: number;
  month?: number;
  monthsOn?: number;
  day: number;
  weekday?: number;
}

/**
 * A date already past is the next one (next year's, or for a day of the month alone next month's),
 * unless its month was said as this one (本月3号 said on the 5th); one past, too far ahead, or in
 * another year or on another weekday than the one said with it, is none.
 */
function dateOffset(sentOn: number, { year, month, monthsOn, day, weekday }: NamedDate): number | null {
  const sent = new Date(sentOn * DAY_MS);
  const [thisYear, thisMonth] = [sent.getUTCFullYear(), sent.getUTCMonth() + 1];
  let on = dayMonthsOn(thisYear, month ?? thisMonth, monthsOn ?? 0, day);
  if (on !== null && on < sentOn && monthsOn === undefined) on = month ? dayOfDate(thisYear + 1, month, day) : dayMonthsOn(thisYear, thisMonth, 1, day);
  if (on === null || on < sentOn || on - sentOn > MAX_DAYS_AHEAD) return null;
  if (year !== undefined && new Date(on * DAY_MS).getUTCFullYear() !== year) return null;
  return weekday === undefined || isoWeekdayOfDay(on) === weekday ? on - sentOn : null;
}

/**
 * Days from the day a message was sent (`sentOn`, a local day number) to the day `day` names: 0 for
 * none, null for a day that cannot be read (see dateOffset).
 */
export function dayOffset(day: string | undefined, sentOn: number): number | null {
  if (!day) return 0;
  if (RELATIVE_RE.test(day)) return day.startsWith('明') || day.startsWith('tomorrow') ? 1 : day.startsWith('后') ? 2 : 0;
  const w = WEEKDAY_RE.exec(day);
  if (w) return weekdayOffset(sentOn, weekdayOf(w[2], w[3])!, w[1] ? timesSaid(w[1], NEXT_WEEK_G) : 0);
  const zh = DATE_ZH_RE.exec(day);
  if (zh)
    return dateOffset(sentOn, {
      year: zh[1] ? Number(zh[1]) : undefined,
      month: zh[2] ? zhNumber(zh[2]) : undefined,
      monthsOn: zh[3] ? timesSaid(zh[3], NEXT_MONTH_G) : zh[4] ? 0 : undefined,
      day: zhNumber(zh[5]),
      weekday: weekdayOf(zh[6], undefined),
    });
  const en = DATE_EN_RE.exec(day);
  if (!en) return null;
  const [, weekday, monthBefore, dayAfter, dayBefore, monthAfter] = en;
  const month = EN_MONTHS.indexOf((monthBefore ?? monthAfter).slice(0, 3)) + 1;
  return dateOffset(sentOn, { month, day: Number(dayAfter ?? dayBefore), weekday: weekdayOf(undefined, weekday) });
}
