import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { Problem } from './problem.js';
import { parseContext, parsePatternList, parseRule } from './parse-rule.js';
import { expandLists, type PatternList } from './pattern-lists.js';
import { MAX_STEPS, MAX_WINDOW_FOR_POLYNOMIAL, reachOf, sliceLength } from './polynomial-window.js';
import { regexSafety } from './regex-safety.js';
import type { Condition, Context, Rule, RuleSet } from './rule.js';
import { parseTerm } from './term.js';

const CONTEXTS_DIR = 'contexts';
const LISTS_DIR = 'lists';

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

/** Reads `<folder>/<name>.yaml` files of one kind into `into`; a name defined twice is an error. */
function readNamed<T extends { file: string }>(
  folder: string,
  kind: string,
  into: Map<string, T>,
  problems: Problem[],
  parse: (doc: unknown, name: string, file: string) => { value?: T; errors: string[] },
): void {
  if (!existsSync(folder)) return;
  for (const file of yamlFiles(folder)) {
    const name = basename(file, extname(file));
    const doc = readYaml(file, problems);
    if (doc === undefined) continue;
    const { value, errors } = parse(doc, name, file);
    errors.forEach((message) => problems.push({ file, message }));
    if (!value) continue;
    if (into.has(name)) problems.push({ file, message: `${kind} "${name}" is already defined in ${into.get(name)!.file}` });
    else into.set(name, value);
  }
}

/**
 * A pattern with its `{{list}}` references written out; undefined when a list is missing or loops, the
 * problem recorded, so that the pattern is not checked further (its braces would read as bad regex).
 */
function expand(pattern: string, lists: ReadonlyMap<string, PatternList>, file: string, where: string, problems: Problem[]): string | undefined {
  const expanded = expandLists(pattern, lists);
  for (const why of expanded.problems) problems.push({ file, message: `${where}: ${why}` });
  return expanded.problems.length ? undefined : expanded.pattern;
}

/** The rule with its patterns' lists written out; undefined when one cannot be. */
function expandRule(rule: Rule, lists: ReadonlyMap<string, PatternList>, problems: Problem[]): Rule | undefined {
  let ok = true;
  const conditions = (key: 'all' | 'none'): Condition[] =>
    rule.match[key].map((c, i) => {
      if (c.kind !== 'pattern') return c;
      const pattern = expand(c.pattern, lists, rule.file, `match.${key}[${i}].pattern`, problems);
      if (pattern === undefined) ok = false;
      return { ...c, pattern: pattern ?? c.pattern };
    });
  const expanded = { ...rule, match: { ...rule.match, all: conditions('all'), none: conditions('none') } };
  return ok ? expanded : undefined;
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
 * Loads rule folders (`<dir>/<category>/<name>.yaml`, contexts in `<dir>/contexts/`, lists in `<dir>/lists/`), later folders adding
 * to earlier ones. Returns every problem found, so that `rules lint` can list them and the loader refuse.
 */
export function loadRuleSet(dirs: string[]): { ruleSet: RuleSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const contexts = new Map<string, Context>();
  const lists = new Map<string, PatternList>();
  let rules: Rule[] = [];
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
    readNamed(join(dir, CONTEXTS_DIR), 'context', contexts, problems, (doc, name, file) => {
      const { context, errors } = parseContext(doc, name, file);
      return { value: context, errors };
    });
    readNamed(join(dir, LISTS_DIR), 'list', lists, problems, (doc, name, file) => {
      const { list, errors } = parsePatternList(doc, name, file);
      return { value: list, errors };
    });
    for (const folder of entries) {
      if (folder === CONTEXTS_DIR || folder === LISTS_DIR) continue;
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
  for (const [name, ctx] of contexts) {
    const patterns = ctx.patterns.map((p, i) => expand(p, lists, ctx.file, `patterns[${i}]`, problems));
    contexts.set(name, { ...ctx, patterns: patterns.filter((p) => p !== undefined) });
  }
  rules = rules.map((rule) => expandRule(rule, lists, problems)).filter((r) => r !== undefined);
  for (const rule of rules) checkConditions(rule, contexts, problems);
  return { ruleSet: { rules, contexts }, problems };
}
