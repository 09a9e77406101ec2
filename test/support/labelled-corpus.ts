import { readFileSync } from 'node:fs';
import { classify } from '../../src/engine/index.js';
import { evaluate, type Scores } from '../../src/eval/metrics.js';

export interface LabelledMessage {
  id: string;
  lang: string;
  text: string;
  labels: string[];
}

/** A labelled JSONL corpus in the dev corpus's format. */
export function readLabelled(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledMessage);
}

/** The built-in rules scored on a labelled corpus, as `npm run eval` scores them. */
export function scoreBuiltinRules(corpus: LabelledMessage[]): Scores {
  return evaluate(corpus.map((c) => ({ id: c.id, expected: c.labels, actual: classify(c.text).categories })));
}
