import { languageOfNames, type Language } from '../core/lang.js';

/**
 * The digest's language: the supervisor's own, else the one most of their groups set, else Chinese
 * when most group names are Chinese, else English.
 */
export function digestLanguage(own: Language | undefined, groupLanguages: readonly (Language | undefined)[], groupNames: readonly string[]): Language {
  if (own) return own;
  const zh = groupLanguages.filter((l) => l === 'zh').length;
  const en = groupLanguages.filter((l) => l === 'en').length;
  if (zh !== en) return zh > en ? 'zh' : 'en';
  return languageOfNames(groupNames);
}
