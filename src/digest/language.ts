const HAN = /\p{Script=Han}/u;

/**
 * The digest's language: the supervisor's own, else the one most of their groups set, else Chinese
 * when most group names are Chinese, else English.
 */
export function digestLanguage(own: 'zh' | 'en' | undefined, groupLanguages: readonly ('zh' | 'en' | undefined)[], groupNames: readonly string[]): 'zh' | 'en' {
  if (own) return own;
  const zh = groupLanguages.filter((l) => l === 'zh').length;
  const en = groupLanguages.filter((l) => l === 'en').length;
  if (zh !== en) return zh > en ? 'zh' : 'en';
  return groupNames.filter((n) => HAN.test(n)).length * 2 > groupNames.length ? 'zh' : 'en';
}
