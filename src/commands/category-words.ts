import { CATEGORIES, type Category } from '../core/categories.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import { LANGS } from '../core/lang.js';
import { listWords } from './word-list.js';

/**
 * The everyday words for each category's chores beyond its labels' own (接龙 for a reply chain, 投票
 * for a vote drive), after docs/taxonomy.md's typical wordings: members name a missed demand by what it
 * asked of them. Each word names one category; Chinese ones written together are read part by part
 * (关注公众号: 关注, 公众号), and an English one may be of several words (sign in).
 */
const EVERYDAY: Record<Category, string[]> = {
  'check-in': [
    ...['签退', '考勤', '定位', '报平安', '健康打卡', '日报', '日报接龙', '在线', '时长'],
    ...[
      'attendance',
      'clock-in',
      'clock',
      'check in',
      'checkin',
      'sign in',
      'sign-in',
      'signin',
      'status',
      'daily status',
      'online',
      'hours',
      'streak',
      'streaks',
    ],
  ],
  'data-request': [
    ...['填报', '上报', '报送', '表格', '报表', '统计表', '材料', '问卷', '调查', '填写', '信息采集', '采集', '数据', '台账'],
    ...['form', 'survey', 'surveys', 'questionnaire', 'spreadsheet', 'sheet', 'sheets', 'figures', 'numbers', 'fill in', 'fill-in'],
  ],
  'like-quota': [
    ...['投票', '拉票', '刷票', '关注', '公众号', '分享', '朋友圈', '评论', '留言', '在看', '观看', '直播', '阅读量', '刷阅读量', '刷量', '收藏', '助力'],
    ...[
      'vote',
      'votes',
      'vote for',
      'upvote',
      'upvotes',
      'share',
      'follow',
      'repost',
      'retweet',
      'comment',
      'comments',
      'watch',
      'stream',
      'livestream',
      'views',
    ],
  ],
  'app-install': [
    ...['安装', '实名', '实名认证', '认证', '登录', '小程序', '激活', '账号', '扫码'],
    ...[
      'app',
      'install',
      'download',
      'downloads',
      'register',
      'registration',
      'sign up',
      'signup',
      'account',
      'activate',
      'log in',
      'login',
      'portal',
      'mini-program',
      'mini program',
    ],
  ],
  'ranking-pressure': [
    ...['积分', '点名', '排行', '排行榜', '考核', '挂钩考核', '任务数', '完成率', '指标'],
    ...['ranking', 'leaderboard', 'league', 'quota', 'quotas', 'completion rate', 'score', 'scores', 'appraisal'],
  ],
  'proof-demand': [
    ...['拍照', '照片', '留证', '视频', '截屏', '上传', '凭证', '证明'],
    ...['photo', 'photos', 'picture', 'pictures', 'proof', 'evidence', 'upload', 'uploads', 'attachment'],
  ],
  'ack-demand': [
    ...['接龙', '回1', '扣1', '回复1', '已阅', '已读'],
    ...['ack', 'acknowledge', 'react', 'reaction', 'reply', 'replies', 'received', 'confirm', 'read receipt', 'read receipts', 'thumbs up'],
  ],
};

/**
 * The categories a member names after `missed`: ids (check-in), the labels answers use in either
 * language (打卡签到, rankings), a word of one label alone (打卡, 截图, screenshots), or an everyday word
 * for the chore (接龙, 投票), written apart as a list is (see listWords). Words that name no category,
 * or more than one, are returned apart so the answer can say which.
 */
export function categoryWords(args: string): { categories: Category[]; unknown: string[] } {
  const categories = new Set<Category>();
  const unknown: string[] = [];
  const words = listWords(args);
  for (let at = 0; at < words.length;) {
    const [one, taken] = phraseAt(words, at);
    const named = one ? [one] : gluedWords(words[at]);
    if (named) for (const c of named) categories.add(c);
    else unknown.push(words[at]);
    at += one ? taken : 1;
  }
  return { categories: [...categories].sort(), unknown };
}

/** The longest run of words from `at` (up to three: sign in, vote for) that names one category, and how many words it took. */
function phraseAt(words: string[], at: number): [Category | undefined, number] {
  for (let taken = Math.min(3, words.length - at); taken > 0; taken--) {
    const one = namedBy(words.slice(at, at + taken).join(' '));
    if (one) return [one, taken];
  }
  return [undefined, 0];
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
