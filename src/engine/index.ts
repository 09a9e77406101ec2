import { InputError } from '../util/errors.js';
import { Engine } from './engine.js';
import type { Classification } from './finding.js';
import { BUILTIN_RULES_DIR } from './builtin-rules.js';
import { loadRuleSet } from './load-rules.js';
import { formatProblem } from './problem.js';

export { Engine, type ClassifyOptions } from './engine.js';
export { BUILTIN_RULES_DIR } from './builtin-rules.js';

/**
 * The built-in rules plus any extra rule folders (a group admin's custom rules). Any problem refuses
 * the whole set: a bot must not run on a rule that could hang it or that nobody tested.
 */
export function createEngine(extraRuleDirs: string[] = []): Engine {
  const { ruleSet, problems } = loadRuleSet([BUILTIN_RULES_DIR, ...extraRuleDirs]);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems; run fingertip rules lint)` : '';
    throw new InputError(`${formatProblem(problems[0])}${more}`);
  }
  return new Engine(ruleSet);
}

let builtin: Engine | undefined;

/** The engine on the built-in rules, loaded on first use. */
export function defaultEngine(): Engine {
  return (builtin ??= createEngine());
}

/** Classifies one message on the built-in rules: the library's `classify`, the same as the CLI's. */
export function classify(text: string): Classification {
  return defaultEngine().classify(text);
}
