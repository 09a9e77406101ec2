import { classify } from '../../src/engine/index.js';
import type { CorpusLine } from '../../src/eval/corpus.js';
import { evaluate, type Scores } from '../../src/eval/metrics.js';

/** The built-in rules (and learned stage) scored on a labelled corpus, as `npm run eval` scores them. */
export function scoreBuiltinRules(corpus: CorpusLine[]): Scores {
  return evaluate(corpus.map((c) => ({ id: c.id, expected: c.labels, actual: classify(c.text).categories })));
}
