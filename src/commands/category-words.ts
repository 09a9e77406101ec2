import { CATEGORIES, type Category } from '../core/categories.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import { LANGS } from '../core/lang.js';

/**
 * The everyday words for each category's chores beyond its labels' own (接龙 for a reply chain, 投票
 * for a vote drive): members name a missed demand by what it asked of them. Each word names one category.
 */
const EVERYDAY: Record<Category, string[]> = {
  'check-in': ['签退', '考勤', '定位', 'attendance', 'clock-in', 'clock'],
  'data-request': ['填报', '上报', '报送', '表格', '报表', '材料', '问卷', 'form', 'survey', 'spreadsheet', 'figures'],
  'like-quota': ['投票', '关注', '分享', '朋友圈', '评论', 'vote', 'votes', 'share', 'follow', 'repost', 'retweet'],
  'app-install': ['安装', '实名', '登录', 'app', 'install', 'register', 'registration'],
  'ranking-pressure': ['积分', '点名', '排行', 'ranking', 'leaderboard', 'league'],
  'proof-demand': ['拍照', '照片', '留证', '视频', 'photo', 'photos', 'proof'],
  'ack-demand': ['接龙', '回1', '已阅', '已读', 'ack', 'acknowledge', 'react', 'reaction'],
};

/**
 * The categories a member names after `missed`: ids (check-in), the labels answers use in either
 * language (打卡签到, rankings), a word of one label alone (打卡, 截图, screenshots), or an everyday word
 * for the chore (接龙, 投票). Words that
 * name no category, or more than one, are returned apart so the answer can say which.
 */
export function categoryWords(args: string): { categories: Category[]; unknown: string[] } {
  const categories = new Set<Category>();
  const unknown: string[] = [];
  for (const word of args
    .toLowerCase()
    .split(/[\s,，、;；和及与&]+|\band\b/u)
    .filter(Boolean)) {
    const one = namedBy(word);
    const named = one ? [one] : gluedWords(word);
    if (named) for (const c of named) categories.add(c);
    else unknown.push(word);
  }
  return { categories: [...categories].sort(), unknown };
}

/** The one category a word names, else undefined. */
function namedBy(word: string): Category | undefined {
  const named = CATEGORIES.filter(
    (c) => c === word || EVERYDAY[c].includes(word) || LANGS.some((l) => labelWords(CATEGORY_LABELS[l][c]).includes(word) || CATEGORY_LABELS[l][c] === word),
  );
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Chinese words written together, as Chinese is (打卡截图: 打卡, 截图): the categories of its parts,
 * longest first from the left, when every part names one; else undefined.
 */
function gluedWords(word: string): Category[] | undefined {
  if (!/^\p{Script=Han}{4,}$/u.test(word)) return undefined;
  const named: Category[] = [];
  let at = 0;
  while (at < word.length) {
    let end = word.length;
    let c = namedBy(word.slice(at, end));
    while (!c && --end > at) c = namedBy(word.slice(at, end));
    if (!c) return undefined;
    named.push(c);
    at = end;
  }
  return named;
}

/** A label's words: English by spaces (and the singular), Chinese as its two-character halves (打卡签到: 打卡, 签到). */
function labelWords(label: string): string[] {
  if (/^[\p{Script=Han}]{4}$/u.test(label)) return [label.slice(0, 2), label.slice(2)];
  return label.split(/\s+(?:and\s+)?/u).flatMap((w) => (w.endsWith('s') ? [w, w.slice(0, -1)] : [w]));
}
