import { CATEGORIES, type Category } from '../core/categories.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import { LANGS } from '../core/lang.js';

/**
 * The categories a member names after `missed`: ids (check-in), the labels answers use in either
 * language (打卡签到, rankings), or a word of one label alone (打卡, 截图, screenshots). Words that
 * name no category, or more than one, are returned apart so the answer can say which.
 */
export function categoryWords(args: string): { categories: Category[]; unknown: string[] } {
  const categories = new Set<Category>();
  const unknown: string[] = [];
  for (const word of args
    .toLowerCase()
    .split(/[\s,，、;；和及与&]+|\band\b/u)
    .filter(Boolean)) {
    const named = CATEGORIES.filter((c) => c === word || LANGS.some((l) => labelWords(CATEGORY_LABELS[l][c]).includes(word) || CATEGORY_LABELS[l][c] === word));
    if (named.length === 1) categories.add(named[0]);
    else unknown.push(word);
  }
  return { categories: [...categories].sort(), unknown };
}

/** A label's words: English by spaces (and the singular), Chinese as its two-character halves (打卡签到: 打卡, 签到). */
function labelWords(label: string): string[] {
  if (/^[\p{Script=Han}]{4}$/u.test(label)) return [label.slice(0, 2), label.slice(2)];
  return label.split(/\s+(?:and\s+)?/u).flatMap((w) => (w.endsWith('s') ? [w, w.slice(0, -1)] : [w]));
}
