/** The languages fingertip writes in: reports, digests and answers. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const HAN = /\p{Script=Han}/u;

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** Chinese when most of these group names are written in Chinese, else English (also with no names). */
export function languageOfNames(names: readonly string[]): Language {
  return names.filter((n) => HAN.test(n)).length * 2 > names.length ? 'zh' : 'en';
}
