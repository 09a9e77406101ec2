/** The languages fingertip writes in: reports, digests and answers. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const HAN = /\p{Script=Han}/u;

export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

/** Chinese when most of these group names are written in Chinese, else English (also with no names). */
export function languageOfNames(names: readonly string[]): Lang {
  return names.filter((n) => HAN.test(n)).length * 2 > names.length ? 'zh' : 'en';
}

/** Guesses the language of free text, for answers to messages that name no command. */
export function guessLang(text: string): Lang {
  return HAN.test(text) ? 'zh' : 'en';
}
