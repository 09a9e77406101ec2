import { sep } from 'node:path';
import type { Problem } from './problem.js';
import { MAX_STEPS, MAX_WINDOW_FOR_POLYNOMIAL, reachOf, sliceLength } from './polynomial-window.js';
import { BUILTIN_RULES_DIR } from './builtin-rules.js';
import { keepsToItsDegree, PROBE_TIMEOUT_MS } from './regex-probe.js';
import { regexSafety } from './regex-safety.js';
import type { Condition, Context, Rule } from './rule.js';
import { parseTerm } from './term.js';

/** Which windowed uses bound a condition, so polynomial patterns can be allowed there. */
function windowOf(c: Condition): number | undefined {
  return c.within ?? c.before ?? c.after;
}

/** Where a rule uses a pattern: which condition, and in which window of its trigger. */
interface PatternUse {
  where: string;
  file: string;
  window: number | undefined;
  triggerLength: number;
}

/** A pattern as an error line shows it: its lists written out, it may run to thousands of characters. */
const shown = (pattern: string): string => (pattern.length <= 200 ? pattern : `${pattern.slice(0, 200)}…`);

function checkPattern(pattern: string, use: PatternUse, problems: Problem[]): void {
  const { safety, why, degree = 1, fuzzed } = regexSafety(pattern);
  const { where, file, window } = use;
  if (safety === 'unsafe') problems.push({ file, message: `${where}: unsafe pattern /${shown(pattern)}/: ${why}` });
  if (safety !== 'polynomial') return;
  if (window === undefined || window > MAX_WINDOW_FOR_POLYNOMIAL) {
    problems.push({
      file,
      message: `${where}: pattern /${shown(pattern)}/ has ${why}; make it linear or confine it with within/before/after <= ${MAX_WINDOW_FOR_POLYNOMIAL}`,
    });
    return;
  }
  const length = sliceLength(use.triggerLength, window, reachOf(pattern));
  if (length ** degree > MAX_STEPS) {
    problems.push({
      file,
      message: `${where}: pattern /${shown(pattern)}/ has ${why}; on the ${length} characters around its trigger it could take ${length}^${degree} steps (limit ${MAX_STEPS.toExponential()}): make it linear, narrow its window or bound its repetitions`,
    });
    return;
  }
  // A degree recheck only estimated is tried out on a custom rule; the shipped rules' are tried by the project's tests.
  if (fuzzed && !file.startsWith(BUILTIN_RULES_DIR + sep) && !keepsToItsDegree(pattern, length, fuzzed)) {
    problems.push({
      file,
      message: `${where}: pattern /${shown(pattern)}/ has ${why} by recheck's estimate, but on ${length} characters it ran past ${PROBE_TIMEOUT_MS / 1000} s: make it linear (overlapping alternatives such as (\\w|\\d) under a repetition backtrack exponentially)`,
    });
  }
}

/** Where conditions are written, for problems: the file, the key (`match.none`, `none`) and the rule's trigger. */
export interface ConditionsAt {
  file: string;
  key: string;
  /** The rule's longest trigger term, normalised: part of the slice a polynomial pattern runs on. */
  triggerLength: number;
}

export function triggerLength(rule: Rule): number {
  // A reduce, not Math.max(...terms): a list of hundreds of thousands of terms would overflow the stack.
  return rule.match.any.reduce((longest, t) => Math.max(longest, parseTerm(t).text.length), 0);
}

/** Checks one condition, written at `at.key[index]`: its context exists, its patterns are safe where it is used. */
export function checkCondition(c: Condition, index: number, at: ConditionsAt, contexts: ReadonlyMap<string, Context>, problems: Problem[]): void {
  const use = { where: `${at.key}[${index}]`, file: at.file, window: windowOf(c), triggerLength: at.triggerLength };
  if (c.kind === 'pattern') checkPattern(c.pattern, use, problems);
  if (c.kind !== 'context') return;
  const ctx = contexts.get(c.context);
  if (!ctx) problems.push({ file: at.file, message: `${use.where}: unknown context "${c.context}"` });
  else ctx.patterns.forEach((p) => checkPattern(p, { ...use, where: `${use.where} (context ${c.context})` }, problems));
}
