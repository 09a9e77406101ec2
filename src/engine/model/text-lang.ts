import type { Lang } from '../../core/lang.js';
import type { Normalized } from '../normalize.js';
import { isIdeograph, isLetter } from './features.js';

/**
 * Fewer words than this (an ideograph or a run of Latin letters counts one) cannot tell a group what
 * to do: the corpus's shortest demands hold four (体温接龙, "all fill asap"). The model never flags
 * such a message alone, so a lone "x" or "ok" is not a demand however its few n-grams weigh.
 */
export const MIN_WORDS_ALONE = 3;

/**
 * Which language's thresholds judge a message: Chinese when it has at least as many ideographs as
 * Latin words (a character carries about what a word does), as the corpus gives a mixed line the
 * language of most of its text. The two rule packs differ, and so does how far the model may overrule
 * them. And how many words it has, ideographs and Latin words together.
 */
export function textShape(nz: Normalized): { lang: Lang; words: number } {
  const u = nz.units;
  let ideographs = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < nz.length; i++) {
    const c = u[i];
    if (isIdeograph(c)) ideographs++;
    const latin = isLetter(c);
    if (latin && !inWord) words++;
    inWord = latin;
  }
  return { lang: ideographs >= words && ideographs > 0 ? 'zh' : 'en', words: ideographs + words };
}

export const textLang = (nz: Normalized): Lang => textShape(nz).lang;
