import type { Deadline } from '../../core/message-record.js';
import { listAlternation } from '../../engine/code-lists.js';
import { normalize } from '../../engine/normalize.js';
import { DAY_EN, DAY_ZH, dayOffset } from './deadline-day.js';
import { ZH_NUM, zhNumber } from './zh-number.js';

// A small extractor for the deadlines demands name: "今晚十点前", "明早7点前", "22:00前", "截止到晚上9点",
// "周六上午10点前", "12月13日18:00前", "by 11pm", "before 7am tomorrow", "by Saturday 10am". It reads the
// normalised text, so full-width digits, colons and brackets are ASCII. A day without a time of day
// ("周六前", "by Friday") is no deadline here: it does not say whether the day's work hours suffice,
// and read as the midnight that ends it, it would always count as after-hours.
// Its words are lists in rules/lists/ (deadline-*.yaml); the structure around them is here. The groups
// this file reads are named: the day patterns hold groups of their own.
const ZH_PERIOD = listAlternation('deadline-periods-zh');
const ZH_TIME =
  `(?<day>${DAY_ZH})?\\s*(?<period>${ZH_PERIOD})?\\s*(?<hour>\\d{1,2}|${ZH_NUM})\\s*` +
  // 点钟 and 点整 are the hour itself (十点钟前, 8点整之前).
  `(?::(?<colonMin>\\d{2})|[点时](?:(?<half>半)|(?<quarter>一刻)|(?<min>\\d{1,2}|${ZH_NUM})分?|钟|整)?)`;
const ZH_AFTER = new RegExp(`${ZH_TIME}\\s*(?:前|之前|以前|为止)`, 'u');
const ZH_BEFORE = new RegExp(`(?:截止|截至|最晚|最迟|不晚于)(?:时间)?[:\\s]*(?:到|至|于)?\\s*${ZH_TIME}`, 'u');

const EVENING = new RegExp(`^${listAlternation('deadline-evening')}$`, 'u');
const EN = new RegExp(
  `\\b(?:by|before|until|till|no later than|due(?: by| at)?)\\s+(?:(?<dayBefore>${DAY_EN}),?\\s+(?:at\\s+)?)?` +
    `(?:(?<hour>\\d{1,2})(?::(?<min>\\d{2}))?(?:\\s*(?<ampm>a\\.?m\\.?|p\\.?m\\.?))?|(?<word>noon|midnight))` +
    `(?:,?\\s+(?:on\\s+)?(?<dayAfter>${DAY_EN}))?`,
  'u',
);

function isEvening(word: string | undefined): boolean {
  return word !== undefined && EVENING.test(word);
}

function deadline(dayOffset: number | null, hour: number, minute: number): Deadline | null {
  if (dayOffset === null || !(hour >= 0 && hour <= 24 && minute >= 0 && minute < 60)) return null;
  return dayOffset * 1440 + hour * 60 + minute;
}

function fromZh(g: Record<string, string | undefined>, sentOn: number): Deadline | null {
  const { day, period, colonMin, half, quarter, min } = g;
  let hour = zhNumber(g.hour!);
  const minute = colonMin ? Number(colonMin) : half ? 30 : quarter ? 15 : min ? zhNumber(min) : 0;
  // 晚上12点 and 今晚零点 are the midnight that ends the evening, not noon or the one before it.
  if (isEvening(period) || (!period && isEvening(day))) hour = hour === 0 || hour === 12 ? 24 : hour < 12 ? hour + 12 : hour;
  if (period === '中午' && hour < 6) hour += 12;
  return deadline(dayOffset(day, sentOn), hour, minute);
}

function fromEn(g: Record<string, string | undefined>, sentOn: number): Deadline | null {
  const { hour: h, min, ampm, word } = g;
  const day = g.dayBefore ?? g.dayAfter;
  const offset = dayOffset(day, sentOn);
  // Midnight is the one that ends the day named.
  if (word) return deadline(offset, word === 'noon' ? 12 : 24, 0);
  // A bare number ("by 5") is too often a count or a date to read as a time.
  if (!ampm && !min && !isEvening(day)) return null;
  let hour = Number(h);
  if (ampm?.startsWith('p') || (!ampm && isEvening(day))) hour = (hour % 12) + 12;
  else if (ampm?.startsWith('a')) hour = hour % 12;
  return deadline(offset, hour, min ? Number(min) : 0);
}

// Every pattern above needs one of these words; most messages have none, and skip normalising.
const MARKER = /前|为止|為止|截[止至]|最[晚迟遲]|不晚于|不晚於|\b(?:by|before|until|till|due|no later)\b/iu;

/**
 * The first deadline time named in `text`, or null. `sentOn` is the local day number (days since
 * 1970-01-01 in the configured zone, see localDay) of the day the message was sent: a weekday or a
 * date is counted from it.
 */
export function extractDeadline(text: string, sentOn: number): Deadline | null {
  if (!MARKER.test(text)) return null;
  const t = normalize(text);
  const zh = ZH_AFTER.exec(t) ?? ZH_BEFORE.exec(t);
  if (zh) return fromZh(zh.groups!, sentOn);
  const en = EN.exec(t);
  return en ? fromEn(en.groups!, sentOn) : null;
}
