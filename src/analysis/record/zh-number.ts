/** A Chinese number as deadlines write hours, minutes and days: 一 to 九十九, 两 and 〇 included. */
export const ZH_NUM = '[零〇一二两三四五六七八九十]{1,3}';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "9", "十", "十一", "二十三" to a number. */
export function zhNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : (DIGITS[s.slice(0, ten)] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (DIGITS[s.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}
