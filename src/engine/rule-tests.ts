import type { Engine } from './engine.js';
import type { Rule } from './rule.js';

export interface ExampleFailure {
  rule: string;
  kind: 'flag' | 'pass';
  index: number;
  text: string;
}

/**
 * A rule's own examples, in the manner of ESLint's RuleTester: every `flag` example must be flagged by
 * this very rule, and no `pass` example may be. Other rules may still flag a pass example.
 */
export function runRuleExamples(engine: Engine, rule: Rule): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const hits = (text: string) => engine.classify(text).findings.some((f) => f.rule === rule.id);
  rule.examples.flag.forEach((text, index) => {
    if (!hits(text)) failures.push({ rule: rule.id, kind: 'flag', index, text });
  });
  rule.examples.pass.forEach((text, index) => {
    if (hits(text)) failures.push({ rule: rule.id, kind: 'pass', index, text });
  });
  return failures;
}
