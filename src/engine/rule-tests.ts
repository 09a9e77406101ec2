import type { Engine } from './engine.js';
import type { Rule } from './rule.js';
import type { Finding } from '../core/finding.js';
import { normalizeInto } from './normalize.js';
import { textLang } from './model/text-lang.js';

export interface ExampleFailure {
  rule: string;
  kind: 'flag' | 'pass';
  index: number;
  text: string;
  /** A flag example the rule matched but the learned stage vetoed: its probability for the rule's category, and the `confirm` that missed. */
  vetoed?: { score: number; confirm: number };
}

/** The `confirm` threshold the engine's model judged `text` by: its language's (text-lang.ts). */
const confirmOf = (engine: Engine, text: string): number => engine.model!.data.thresholds[textLang(normalizeInto(text))].confirm;

/**
 * A rule's own examples, in the manner of ESLint's RuleTester: every `flag` example must be flagged by
 * this very rule, and no `pass` example may be matched by it, vetoed or not. Other rules may still
 * flag a pass example. With `vetoFails`, a flag example must also stand as the bot would judge it,
 * through the engine's learned stage: for a deployment's own rules, which the model may know nothing
 * of and which `veto: false` can free. The shipped thresholds are chosen knowing that the model
 * overrules some of the shipped rules' examples, and training, not that key, is their remedy.
 */
export function runRuleExamples(engine: Engine, rule: Rule, vetoFails: boolean): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const own = (f: Finding) => f.rule === rule.id;
  rule.examples.flag.forEach((text, index) => {
    const c = engine.classify(text);
    if (c.findings.some(own)) return;
    const vetoed = c.vetoed?.find(own);
    if (vetoed && !vetoFails) return;
    failures.push({ rule: rule.id, kind: 'flag', index, text, ...(vetoed && { vetoed: { score: vetoed.score!, confirm: confirmOf(engine, text) } }) });
  });
  rule.examples.pass.forEach((text, index) => {
    const c = engine.classify(text);
    if (c.findings.some(own) || c.vetoed?.some(own)) failures.push({ rule: rule.id, kind: 'pass', index, text });
  });
  return failures;
}
