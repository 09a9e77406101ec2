import type { Lang } from '../lang.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Two local days ("YYYY-MM-DD", both included) as people read a week: 12月7日—13日, 11月30日—12月6日,
 * 7–13 Dec, 30 Nov – 6 Dec; the year only when the range crosses one.
 */
export function dayRangeText(first: string, last: string, lang: Lang): string {
  const [y1, m1, d1] = first.split('-').map(Number);
  const [y2, m2, d2] = last.split('-').map(Number);
  if (lang === 'zh') {
    const end = y1 !== y2 ? `${y2}年${m2}月${d2}日` : m1 !== m2 ? `${m2}月${d2}日` : `${d2}日`;
    return `${y1 !== y2 ? `${y1}年` : ''}${m1}月${d1}日—${end}`;
  }
  if (y1 !== y2) return `${d1} ${MONTHS[m1 - 1]} ${y1} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
  return m1 === m2 ? `${d1}–${d2} ${MONTHS[m2 - 1]}` : `${d1} ${MONTHS[m1 - 1]} – ${d2} ${MONTHS[m2 - 1]}`;
}
