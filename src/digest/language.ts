import { languageOf, type Lang } from '../core/lang.js';

/**
 * The digest's language: the supervisor's own, else the one most of their groups set, else that of
 * their names or, when those tie, of the week's flagged messages (`texts`), else Chinese.
 */
export function digestLanguage(
  own: Lang | undefined,
  groupLanguages: readonly (Lang | undefined)[],
  groupNames: readonly string[],
  texts: readonly string[],
): Lang {
  if (own) return own;
  const zh = groupLanguages.filter((l) => l === 'zh').length;
  const en = groupLanguages.filter((l) => l === 'en').length;
  if (zh !== en) return zh > en ? 'zh' : 'en';
  return languageOf(groupNames, texts);
}
