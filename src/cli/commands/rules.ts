import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { BUILTIN_RULES_DIR, Engine } from '../../engine/index.js';
import { descriptionIn } from '../../engine/description.js';
import { loadRuleSet } from '../../engine/load-rules.js';
import { formatProblem } from '../../engine/problem.js';
import { runRuleExamples } from '../../engine/rule-tests.js';
import { InputError } from '../../core/errors.js';
import { parseCommandArgs } from '../args.js';
import { loadConfig } from '../config/load.js';
import type { Command, CliContext } from '../context.js';

const ACTIONS = ['test', 'lint', 'list'];

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
  const { ruleSet, problems } = loadRuleSet([...new Set([BUILTIN_RULES_DIR, ...targets])]);
  const own = ruleSet.rules.filter((r) => targets.some((t) => resolve(r.file).startsWith(t.endsWith(sep) ? t : t + sep)));
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
  const engine = new Engine(ruleSet);
  let failed = 0;
  for (const rule of own) {
    const failures = runRuleExamples(engine, rule);
    if (failures.length) failed++;
    for (const f of failures) {
      const why = f.kind === 'flag' ? 'not flagged' : 'flagged but should pass';
      ctx.stdout.write(`FAIL ${rule.id}: ${f.kind} example ${f.index + 1} ${why}: ${JSON.stringify(f.text)}\n`);
    }
  }
  ctx.stdout.write(`${own.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
};

function lint(ctx: CliContext, problems: ReturnType<typeof loadRuleSet>['problems'], count: number): number {
  for (const p of problems) ctx.stdout.write(`${formatProblem(p)}\n`);
  ctx.stdout.write(problems.length ? `${problems.length} problem(s)\n` : `${count} rules, no problems\n`);
  return problems.length ? 1 : 0;
}
