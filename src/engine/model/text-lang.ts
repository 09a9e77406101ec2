import type { Lang } from '../../core/lang.js';
import type { Normalized } from '../normalize.js';

const isIdeograph = (u: number) => (u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff);
const isLatin = (u: number) => (u >= 0x61 && u <= 0x7a) || (u >= 0xdf && u <= 0x24f && u !== 0xf7);

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
    const latin = isLatin(c);
    if (latin && !inWord) words++;
    inWord = latin;
  }
  return ideographs >= words && ideographs > 0 ? 'zh' : 'en';
}
