import type { Problem } from './problem.js';
import { MAX_STEPS, MAX_WINDOW_FOR_POLYNOMIAL, reachOf, sliceLength } from './polynomial-window.js';
import { isBuiltinRuleFile } from './builtin-rules.js';
import { PROBE_TIMEOUT_MS, slowProbes, type Probe } from './regex-probe.js';
import { MAX_TEXT } from './text-limit.js';
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
  /** Undefined for a pack's condition checked on its own: what depends on a trigger is checked with each rule that inherits it. */
  triggerLength?: number;
  /** Read anywhere in a message by its nature (a context's `silences_model` or `unless`): no window can confine it. */
  anywhere?: boolean;
}

/** A pattern as an error line shows it: its lists written out, it may run to thousands of characters. */
const shown = (pattern: string): string => (pattern.length <= 200 ? pattern : `${pattern.slice(0, 200)}…`);

/** A custom pattern's use to try out once every rule is read (see regex-probe.ts), and what to say if it is slow. */
export interface PendingProbe {
  probe: Probe;
  file: string;
  message: string;
}

const OVERLAP = 'overlapping alternatives such as (\\w|\\d) under a repetition backtrack exponentially';

/** recheck's account of a pattern written at `where` of `file`, an unsafe one said there. */
function safetyOf(pattern: string, where: string, file: string, problems: Problem[]): ReturnType<typeof regexSafety> {
  const safety = regexSafety(pattern);
  if (safety.safety === 'unsafe') problems.push({ file, message: `${where}: unsafe pattern /${shown(pattern)}/: ${safety.why}` });
  return safety;
}

function checkPattern(pattern: string, use: PatternUse, problems: Problem[], probes: PendingProbe[]): void {
  const { where, file, window } = use;
  const { safety, why, degree = 1, fuzzed } = safetyOf(pattern, where, file, problems);
  // The shipped rules' patterns are tried by the project's tests; a custom one is tried before it is trusted.
  const custom = !isBuiltinRuleFile(file);
  if (safety === 'linear' && custom) {
    // Linear by recheck's account, but a bounded repetition of overlapping classes ((\w|\d){1,20}) is
    // linear with a constant of 2^20: run on a whole message, as an unconfined pattern is.
    probes.push({
      probe: { pattern, length: MAX_TEXT },
      file,
      message: `${where}: pattern /${shown(pattern)}/ ran past ${PROBE_TIMEOUT_MS / 1000} s on a message of ${MAX_TEXT} characters: ${OVERLAP}, even within a bound such as {1,20}`,
    });
  }
  if (safety !== 'polynomial') return;
  if (window === undefined || window > MAX_WINDOW_FOR_POLYNOMIAL) {
    const fix = use.anywhere ? 'make it linear' : `make it linear or confine it with within/before/after <= ${MAX_WINDOW_FOR_POLYNOMIAL}`;
    problems.push({ file, message: `${where}: pattern /${shown(pattern)}/ has ${why}; ${fix}` });
    return;
  }
  if (use.triggerLength === undefined) return;
  const length = sliceLength(use.triggerLength, window, reachOf(pattern));
  if (length ** degree > MAX_STEPS) {
    problems.push({
      file,
      message: `${where}: pattern /${shown(pattern)}/ has ${why}; on the ${length} characters around its trigger it could take ${length}^${degree} steps (limit ${MAX_STEPS.toExponential()}): make it linear, narrow its window or bound its repetitions`,
    });
    return;
  }
  // Tried out on the slice its use runs on: recheck may only have estimated the degree (then its attack
  // is tried too), and a proved degree can hide a bounded repetition's constant, as a linear one can.
  if (custom) {
    probes.push({
      probe: { pattern, length, attack: fuzzed },
      file,
      message: `${where}: pattern /${shown(pattern)}/ has ${why}${fuzzed ? " by recheck's estimate" : ''}, but on ${length} characters it ran past ${PROBE_TIMEOUT_MS / 1000} s: make it linear (${OVERLAP})`,
    });
  }
}

/** Tries out the pending probes, each pattern and length once however many rules use it, and reports the slow ones. */
export function runProbes(pending: readonly PendingProbe[], problems: Problem[]): void {
  const byKey = new Map<string, Probe>();
  const shared = pending.map(({ probe }) => {
    const key = `${probe.length}\u0000${probe.pattern}`;
    if (!byKey.has(key)) byKey.set(key, probe);
    return byKey.get(key)!;
  });
  const slow = slowProbes([...byKey.values()]);
  pending.forEach(({ file, message }, i) => {
    if (slow.has(shared[i])) problems.push({ file, message });
  });
}

/** Where conditions are written, for problems: the file, the key (`match.none`, `none`) and the rule's trigger. */
export interface ConditionsAt {
  file: string;
  key: string;
  /** The rule's longest trigger term, normalised: part of the slice a polynomial pattern runs on (none for a pack on its own). */
  triggerLength?: number;
}

export function triggerLength(rule: Rule): number {
  // A reduce, not Math.max(...terms): a list of hundreds of thousands of terms would overflow the stack.
  return rule.match.any.reduce((longest, t) => Math.max(longest, parseTerm(t).text.length), 0);
}

/**
 * Checks the patterns of a context read anywhere in every message it applies to (`why`: as a silencer of
 * the model, as another context's `unless`), each named where it is written.
 */
export function checkReadAnywhere(ctx: Context, why: string, problems: Problem[], probes: PendingProbe[]): void {
  ctx.patterns.forEach((p, i) =>
    checkPattern(p, { where: `patterns[${i}] (${why})`, file: ctx.file, window: undefined, triggerLength: 0, anywhere: true }, problems, probes),
  );
}

/**
 * Checks the patterns of a context nothing reads (no rule, pack, silencer or `unless` names it): the
 * engine compiles every context's patterns all the same, so one that is invalid, or refused wherever
 * it is used, is said now on its own file. What depends on a use (a window, a probe) waits for one.
 */
export function checkUnread(ctx: Context, problems: Problem[]): void {
  ctx.patterns.forEach((p, i) => safetyOf(p, `patterns[${i}]`, ctx.file, problems));
}

/** Checks one condition, written at `at.key[index]`: its context exists, its patterns are safe where it is used. */
export function checkCondition(
  c: Condition,
  index: number,
  at: ConditionsAt,
  contexts: ReadonlyMap<string, Context>,
  problems: Problem[],
  probes: PendingProbe[],
): void {
  const use = { where: `${at.key}[${index}]`, file: at.file, window: windowOf(c), triggerLength: at.triggerLength };
  if (c.kind === 'pattern') checkPattern(c.pattern, use, problems, probes);
  if (c.kind !== 'context') return;
  const ctx = contexts.get(c.context);
  if (!ctx) problems.push({ file: at.file, message: `${use.where}: unknown context "${c.context}"` });
  else ctx.patterns.forEach((p) => checkPattern(p, { ...use, where: `${use.where} (context ${c.context})` }, problems, probes));
}
