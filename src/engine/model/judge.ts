import { CATEGORIES, type Category } from '../../core/categories.js';
import type { Engine } from '../engine.js';
import { newFeatureBuffer } from './features.js';
import { K, type HashedMlp } from './hashed-mlp.js';
import type { Judged } from './thresholds.js';
import { MIN_WORDS_ALONE } from './text-lang.js';

/**
 * Labelled lines as the threshold search sees them: what the rules alone found, what the model scored,
 * which language's thresholds apply, and whether the engine would let the model flag them alone.
 */
export function judgeLines(rules: Engine, model: HashedMlp, lines: readonly { id: string; text: string; labels: readonly Category[] }[]): Judged[] {
  const buf = newFeatureBuffer();
  return lines.map((l) => {
    const ruled = rules.classify(l.text).categories.reduce((m, c) => m | (1 << CATEGORIES.indexOf(c)), 0);
    const { lang, words, silenced } = rules.modelInput(l.text, buf);
    const probs = new Float64Array(K);
    model.predict(buf, probs);
    return { id: l.id, expected: l.labels, ruled, probs, lang, short: words < MIN_WORDS_ALONE, silenced };
  });
}
