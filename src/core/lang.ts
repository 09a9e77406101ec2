/** The languages fingertip writes in: reports, digests and answers. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

/** The language most of these texts are written in (any Han is Chinese, Latin letters alone English); undefined on a tie. */
function majority(texts: readonly string[]): Lang | undefined {
  let zh = 0;
  let en = 0;
  for (const t of texts) {
    if (HAN.test(t)) zh++;
    else if (LATIN.test(t)) en++;
  }
  return zh === en ? undefined : zh > en ? 'zh' : 'en';
}

/**
 * The language of these groups' readers: that of most group names; when the names tie or say nothing
 * ("2026届3班" and "Team-A", "302"), that of most of their messages; else Chinese, as most users are.
 */
export function languageOf(groupNames: readonly string[], texts: readonly string[]): Lang {
  return majority(groupNames) ?? majority(texts) ?? 'zh';
}

/** The language free text is written in: Chinese for any Han, English for Latin letters alone; none for text of neither (👍, 1, ？). */
export function textLang(text: string): Lang | undefined {
  return HAN.test(text) ? 'zh' : LATIN.test(text) ? 'en' : undefined;
}

/**
 * Guesses the language of free text, for answers to messages that name no command: its own (see
 * textLang); text of neither (👍, 1, ？) is answered in Chinese, as most users are.
 */
export function guessLang(text: string): Lang {
  return textLang(text) ?? 'zh';
}
