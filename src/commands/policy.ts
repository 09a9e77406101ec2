import type { Lang } from '../core/lang.js';

/** A rule's reference read as people cite it: the document, and the point of it the rule reflects. */
export interface Policy {
  /** Who issued it and its title, e.g. 中共中央办公厅、国务院办公厅《…若干规定》（2024年）. */
  source: string;
  /** The document's title alone, where it has one in 《》: short enough for a line in a group. */
  title: string;
  /** The point, e.g. 不得强制要求打卡接龙; empty when the reference names only the document. */
  point: string;
}

/**
 * Rule packs write a reference as `SOURCE - POINT` in plain ASCII, so that authors need no special
 * punctuation; answers in Chinese give it Chinese punctuation (issuers joined with 、, the year as
 * （2024年）), since it is quoted into sentences. An English rule's reference has no Chinese to quote
 * in a Chinese answer: undefined, as a sentence half in English reads worse than none.
 */
export function readPolicy(reference: string | undefined, lang: Lang): Policy | undefined {
  if (reference === undefined || (lang === 'zh' && !/\p{Script=Han}/u.test(reference))) return undefined;
  const cut = reference.indexOf(' - ');
  let source = (cut < 0 ? reference : reference.slice(0, cut)).trim();
  const point =
    cut < 0
      ? ''
      : reference
          .slice(cut + 3)
          .trim()
          .replace(/[.。]$/u, '');
  if (lang === 'zh') source = source.replace(/\((\d{4})\)/gu, '（$1年）').replace(/(?<=[\p{Script=Han}])\s+(?=[\p{Script=Han}])/gu, '、');
  const titled = /《[^》]+》/u.exec(source);
  const year = /（\d{4}年）|\(\d{4}\)/u.exec(source);
  return { source, title: titled ? titled[0] + (year ? year[0] : '') : source, point };
}
