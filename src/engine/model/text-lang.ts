import type { Lang } from '../../core/lang.js';
import type { Normalized } from '../normalize.js';
import { isIdeograph, isLetter } from './features.js';

/**
 * Which language's thresholds judge a message: Chinese when it has at least as many ideographs as
 * Latin words (a character carries about what a word does), as the corpus gives a mixed line the
 * language of most of its text. The two rule packs differ, and so does how far the model may overrule them.
 */
export function textLang(nz: Normalized): Lang {
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
  return ideographs >= words && ideographs > 0 ? 'zh' : 'en';
}
