import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { BUILTIN_MODEL, BUILTIN_RULES_DIR, Engine } from '../../engine/index.js';
import { isBuiltinRuleFile } from '../../engine/builtin-rules.js';
import { descriptionIn } from '../../engine/description.js';
import { loadRuleSet } from '../../engine/load-rules.js';
import { formatProblem } from '../../engine/problem.js';
import { runRuleExamples, type ExampleFailure } from '../../engine/rule-tests.js';
import { loadModel } from '../../engine/model/model-file.js';
import type { Rule } from '../../engine/rule.js';
import { InputError } from '../../core/errors.js';
import { parseCommandArgs } from '../args.js';
import { loadConfig } from '../config/load.js';
import type { Command, CliContext } from '../context.js';

const ACTIONS = ['test', 'lint', 'list'];
const ONLY_BUILTIN = 'no custom rule folder given, so only the built-in rules were read (add DIR, or --config FILE with rules: [...])';

/**
 * `fingertip rules test|lint|list [DIR]`. A custom DIR is loaded on top of the built-in rules, so its
 * rules can use the shared contexts, and only its own rules are tested or listed. Without DIR, the
 * rules the bot runs: the built-in ones and the configuration's `rules` folders.
 */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseCommandArgs('rules', argv, {});
  const [action, dir, extra] = positionals;
  if (!action || !ACTIONS.includes(action) || extra !== undefined) throw new InputError('rules: usage: fingertip rules test|lint|list [DIR]');
  const config = loadConfig(values.config as string | undefined, ctx.env);
  const targets = dir === undefined ? [BUILTIN_RULES_DIR, ...config.rules] : [resolve(ctx.cwd, dir)];
  for (const t of targets) if (!existsSync(t)) throw new InputError(`rules: ${dir ?? t}: no such folder`);
  // A custom rule's author who forgot --config would read "no problems" about the shipped rules alone.
  // On stderr, so scripts reading stdout see what they always did.
  if (dir === undefined && !config.rules.length) ctx.stderr.write(`fingertip rules: ${ONLY_BUILTIN}\n`);
  const { ruleSet, problems } = loadRuleSet([...new Set([BUILTIN_RULES_DIR, ...targets])]);
  const within = (r: Rule, dirs: string[]) => dirs.some((t) => resolve(r.file).startsWith(t.endsWith(sep) ? t : t + sep));
  const own = ruleSet.rules.filter((r) => within(r, targets));
  if (action === 'lint') return lint(ctx, problems, own.length);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems; run fingertip rules lint)` : '';
    throw new InputError(`${formatProblem(problems[0])}${more}`);
  }
  if (action === 'list') {
    // In English, as is the rest of the CLI's own output.
    for (const r of own) ctx.stdout.write(`${r.id}\t${r.level}\t${r.languages.join(',')}\t${descriptionIn(r.description, 'en')}\n`);
    ctx.stdout.write(`${own.length} rules\n`);
    return 0;
  }
  // With the learned stage, as the bot runs: it may veto a custom rule's own flag examples.
  const engine = new Engine(ruleSet, loadModel(config.model ?? BUILTIN_MODEL));
  let failed = 0;
  for (const rule of own) {
    const failures = runRuleExamples(engine, rule, !isBuiltinRuleFile(rule.file));
    if (failures.length) failed++;
    for (const f of failures) ctx.stdout.write(`FAIL ${rule.id}: ${f.kind} example ${f.index + 1} ${failureText(f, rule)}: ${JSON.stringify(f.text)}\n`);
    if (failures.some((f) => f.vetoed)) ctx.stdout.write(`  hint: ${VETO_HINT}\n`);
  }
  ctx.stdout.write(`${own.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
};

const VETO_HINT =
  'the model scores the category below its threshold: for a demand the corpus never held, add "veto: false" to the rule (rules/README.md), else write an example nearer the demand';

function failureText(f: ExampleFailure, rule: Rule): string {
  if (f.kind === 'pass') return 'flagged but should pass';
  if (!f.vetoed) return 'not flagged';
  return `vetoed by the learned stage (${rule.category} ${f.vetoed.score} < confirm ${f.vetoed.confirm})`;
}

function lint(ctx: CliContext, problems: ReturnType<typeof loadRuleSet>['problems'], count: number): number {
  for (const p of problems) ctx.stdout.write(`${formatProblem(p)}\n`);
  ctx.stdout.write(problems.length ? `${problems.length} problem(s)\n` : `${count} rules, no problems\n`);
  return problems.length ? 1 : 0;
}
