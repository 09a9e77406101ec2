import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { Problem } from './problem.js';
import { parseContext, parseRule } from './parse-rule.js';
import { MAX_STEPS, MAX_WINDOW_FOR_POLYNOMIAL, reachOf, sliceLength } from './polynomial-window.js';
import { regexSafety } from './regex-safety.js';
import type { Condition, Context, Rule, RuleSet } from './rule.js';
import { parseTerm } from './term.js';

const CONTEXTS_DIR = 'contexts';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

function readYaml(file: string, problems: Problem[]): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({ file, message: `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    problems.push({ file, line: err.linePos?.[0]?.line, message: `invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` });
    return undefined;
  }
  return doc.toJS();
}

/** Which windowed uses bound a condition, so polynomial patterns can be allowed there. */
function windowOf(c: Condition): number | undefined {
  return c.within ?? c.before ?? c.after;
}

/** Where a rule uses a pattern: which condition, and in which window of its trigger. */
interface PatternUse {
  where: string;
  file: string;
  window: number | undefined;
  /** The rule's longest trigger term, normalised: part of the slice a polynomial pattern runs on. */
  triggerLength: number;
}

function checkPattern(pattern: string, use: PatternUse, problems: Problem[]): void {
  const { safety, why, degree = 1 } = regexSafety(pattern);
  const { where, file, window } = use;
  if (safety === 'unsafe') problems.push({ file, message: `${where}: unsafe pattern /${pattern}/: ${why}` });
  if (safety !== 'polynomial') return;
  if (window === undefined || window > MAX_WINDOW_FOR_POLYNOMIAL) {
    problems.push({
      file,
      message: `${where}: pattern /${pattern}/ has ${why}; make it linear or confine it with within/before/after <= ${MAX_WINDOW_FOR_POLYNOMIAL}`,
    });
    return;
  }
  const length = sliceLength(use.triggerLength, window, reachOf(pattern));
  if (length ** degree > MAX_STEPS) {
    problems.push({
      file,
      message: `${where}: pattern /${pattern}/ has ${why}; on the ${length} characters around its trigger it could take ${length}^${degree} steps (limit ${MAX_STEPS.toExponential()}): make it linear, narrow its window or bound its repetitions`,
    });
  }
}

function checkConditions(rule: Rule, contexts: Map<string, Context>, problems: Problem[]): void {
  const triggerLength = Math.max(...rule.match.any.map((t) => parseTerm(t).text.length));
  const lists: [string, Condition[]][] = [
    ['match.all', rule.match.all],
    ['match.none', rule.match.none],
  ];
  for (const [name, list] of lists) {
    list.forEach((c, i) => {
      const use = { where: `${name}[${i}]`, file: rule.file, window: windowOf(c), triggerLength };
      if (c.kind === 'pattern') checkPattern(c.pattern, use, problems);
      if (c.kind !== 'context') return;
      const ctx = contexts.get(c.context);
      if (!ctx) problems.push({ file: rule.file, message: `${use.where}: unknown context "${c.context}"` });
      else ctx.patterns.forEach((p) => checkPattern(p, { ...use, where: `${use.where} (context ${c.context})` }, problems));
    });
  }
}

/**
 * Loads rule folders (`<dir>/<category>/<name>.yaml`, contexts in `<dir>/contexts/`), later folders adding
 * to earlier ones. Returns every problem found, so that `rules lint` can list them and the loader refuse.
 */
export function loadRuleSet(dirs: string[]): { ruleSet: RuleSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const contexts = new Map<string, Context>();
  const rules: Rule[] = [];
  const ids = new Map<string, string>();
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir)
        .filter((e) => statSync(join(dir, e)).isDirectory())
        .sort();
    } catch (err) {
      problems.push({ file: dir, message: `cannot read rule folder (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    if (entries.includes(CONTEXTS_DIR)) {
      for (const file of yamlFiles(join(dir, CONTEXTS_DIR))) {
        const name = basename(file, extname(file));
        const doc = readYaml(file, problems);
        if (doc === undefined) continue;
        const { context, errors } = parseContext(doc, name, file);
        errors.forEach((message) => problems.push({ file, message }));
        if (!context) continue;
        if (contexts.has(name)) problems.push({ file, message: `context "${name}" is already defined in ${contexts.get(name)!.file}` });
        else contexts.set(name, context);
      }
    }
    for (const folder of entries) {
      if (folder === CONTEXTS_DIR) continue;
      for (const file of yamlFiles(join(dir, folder))) {
        const id = `${folder}/${basename(file, extname(file))}`;
        const doc = readYaml(file, problems);
        if (doc === undefined) continue;
        const { rule, errors } = parseRule(doc, id, file);
        errors.forEach((message) => problems.push({ file, message }));
        if (!rule) continue;
        const earlier = ids.get(id);
        if (earlier) {
          problems.push({ file, message: `duplicate rule id "${id}" (also ${relative(process.cwd(), earlier)})` });
          continue;
        }
        ids.set(id, file);
        rules.push(rule);
      }
    }
  }
  for (const rule of rules) checkConditions(rule, contexts, problems);
  return { ruleSet: { rules, contexts }, problems };
}
