import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { Engine } from './engine.js';
import type { Classification } from '../core/finding.js';
import { BUILTIN_RULES_DIR } from './builtin-rules.js';
import { loadRuleSet } from './load-rules.js';
import { formatProblem } from './problem.js';
import { loadModel } from './model/model-file.js';
import { MODEL_FILE } from './model/model-path.js';

export { Engine, type ClassifyOptions } from './engine.js';
export { BUILTIN_RULES_DIR } from './builtin-rules.js';

export interface EngineOptions {
  /** The learned stage's file; the shipped model by default, `null` for the rules alone (training, comparisons). */
  model?: string | null;
}

/** The shipped model's path. */
export const BUILTIN_MODEL = join(BUILTIN_RULES_DIR, '..', MODEL_FILE);

/**
 * The built-in rules plus any extra rule folders (a group admin's custom rules), and the learned
 * stage. Any problem refuses the whole set: a bot must not run on a rule that could hang it or that
 * nobody tested, nor fall back to rules alone because its model file is missing or damaged.
 */
export function createEngine(extraRuleDirs: string[] = [], opts: EngineOptions = {}): Engine {
  const { ruleSet, problems } = loadRuleSet([BUILTIN_RULES_DIR, ...extraRuleDirs]);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems; run fingertip rules lint)` : '';
    throw new InputError(`${formatProblem(problems[0])}${more}`);
  }
  const model = opts.model === null ? undefined : loadModel(opts.model ?? BUILTIN_MODEL);
  return new Engine(ruleSet, model);
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
