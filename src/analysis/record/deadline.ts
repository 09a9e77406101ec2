import type { Deadline } from '../../core/message-record.js';
import { listAlternation } from '../../engine/code-lists.js';
import { normalize } from '../../engine/normalize.js';

// A small extractor for the deadlines demands name: "今晚十点前", "明早7点前", "22:00前", "截止到晚上9点",
// "by 11pm", "before 7am tomorrow". It reads the normalised text, so full-width digits and colons are ASCII.
// Its words are lists in rules/lists/ (deadline-*.yaml); the structure around them is here.
const ZH_DAY = listAlternation('deadline-days-zh');
const ZH_PERIOD = listAlternation('deadline-periods-zh');
const ZH_NUM = '[零〇一二两三四五六七八九十]{1,3}';
const ZH_TIME = `(${ZH_DAY})?\\s*(${ZH_PERIOD})?\\s*(\\d{1,2}|${ZH_NUM})\\s*` + `(?::(\\d{2})|[点时](?:(半)|(一刻)|(\\d{1,2}|${ZH_NUM})分?)?)`;
const ZH_AFTER = new RegExp(`${ZH_TIME}\\s*(?:前|之前|以前|为止)`, 'u');
const ZH_BEFORE = new RegExp(`(?:截止|截至|最晚|最迟|不晚于)(?:时间)?[:\\s]*(?:到|至|于)?\\s*${ZH_TIME}`, 'u');

const EN_DAY = listAlternation('deadline-days-en');
const EVENING = new RegExp(`^${listAlternation('deadline-evening')}$`, 'u');
const EN = new RegExp(
  `\\b(?:by|before|until|till|no later than|due(?: by| at)?)\\s+(?:(${EN_DAY})\\s+(?:at\\s+)?)?` +
    `(?:(\\d{1,2})(?::(\\d{2}))?(?:\\s*(a\\.?m\\.?|p\\.?m\\.?))?|(noon|midnight))(?:\\s+(${EN_DAY}))?`,
  'u',
);

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "9", "十", "十一", "二十三" to a number. */
function zhNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : (DIGITS[s.slice(0, ten)] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (DIGITS[s.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

function dayOffsetOf(word: string | undefined): number {
  if (!word) return 0;
  if (word.startsWith('明') || word.startsWith('tomorrow')) return 1;
  return word.startsWith('后') ? 2 : 0;
}

function isEvening(word: string | undefined): boolean {
  return word !== undefined && EVENING.test(word);
}

function deadline(dayOffset: number, hour: number, minute: number): Deadline | null {
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute < 60)) return null;
  return dayOffset * 1440 + hour * 60 + minute;
}

function fromZh(m: RegExpExecArray): Deadline | null {
  const [, day, period, h, colonMin, half, quarter, min] = m;
  let hour = zhNumber(h);
  const minute = colonMin ? Number(colonMin) : half ? 30 : quarter ? 15 : min ? zhNumber(min) : 0;
  // 晚上12点 and 今晚零点 are the midnight that ends the evening, not noon or the one before it.
  if (isEvening(period) || (!period && isEvening(day))) hour = hour === 0 || hour === 12 ? 24 : hour < 12 ? hour + 12 : hour;
  if (period === '中午' && hour < 6) hour += 12;
  return deadline(dayOffsetOf(day), hour, minute);
}

function fromEn(m: RegExpExecArray): Deadline | null {
  const [, dayBefore, h, min, ampm, word, dayAfter] = m;
  const day = dayBefore ?? dayAfter;
  if (word) return word === 'noon' ? deadline(dayOffsetOf(day), 12, 0) : deadline(dayOffsetOf(day) + 1, 0, 0);
  // A bare number ("by 5") is too often a count or a date to read as a time.
  if (!ampm && !min && !isEvening(day)) return null;
  let hour = Number(h);
  if (ampm?.startsWith('p') || (!ampm && isEvening(day))) hour = (hour % 12) + 12;
  else if (ampm?.startsWith('a')) hour = hour % 12;
  return deadline(dayOffsetOf(day), hour, min ? Number(min) : 0);
}

// Every pattern above needs one of these words; most messages have none, and skip normalising.
const MARKER = /前|为止|為止|截[止至]|最[晚迟遲]|不晚于|不晚於|\b(?:by|before|until|till|due|no later)\b/iu;

/** The first deadline time named in `text`, or null. */
export function extractDeadline(text: string): Deadline | null {
  if (!MARKER.test(text)) return null;
  const t = normalize(text);
  const zh = ZH_AFTER.exec(t) ?? ZH_BEFORE.exec(t);
  if (zh) return fromZh(zh);
  const en = EN.exec(t);
  return en ? fromEn(en) : null;
}
