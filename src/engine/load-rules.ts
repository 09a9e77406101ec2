import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { brokenUtf8Line, NOT_UTF8_FILE } from '../core/utf8-checked.js';
import { formatProblem, type Problem } from './problem.js';
import { checkCondition, checkReadAnywhere, checkUnread, runProbes, triggerLength, type ConditionsAt, type PendingProbe } from './check-conditions.js';
import { parseContext, parsePack, parsePatternList, parseRule } from './parse-rule.js';
import { expandConditions, expandPattern, type PatternList } from './pattern-lists.js';
import { inheritedNone, packLang, type Pack } from './rule-packs.js';
import type { Condition, Context, Rule, RuleSet } from './rule.js';

const CONTEXTS_DIR = 'contexts';
const LISTS_DIR = 'lists';

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(dir, e.name))
    .sort();
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

function readYaml(file: string, problems: Problem[]): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    problems.push({ file, message: `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
  // Read as U+FFFD, a GBK rule would pass its own mangled examples and never fire on real text.
  const broken = brokenUtf8Line(bytes);
  if (broken !== undefined) {
    problems.push({ file, line: broken, message: NOT_UTF8_FILE });
    return undefined;
  }
  const text = bytes.toString('utf8');
  const doc = parseDocument(text, { uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    // `description：…`, typed with a Chinese input method, is no key at all: YAML's words do not say why.
    const hint = line !== undefined && text.split('\n')[line - 1]?.includes('：') ? ' (the line holds "：", a full-width colon: a key ends with ":")' : '';
    problems.push({ file, line, message: `invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}${hint}` });
    return undefined;
  }
  try {
    return doc.toJS();
  } catch (e) {
    // Aliases that expand past the parser's bound (an alias bomb) fail here, not in parsing.
    problems.push({ file, message: `invalid YAML: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
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

/** Puts `blank` under the name of each file of `folder` that did not read into `into`. */
function standIns<T>(folder: string, into: Map<string, T>, blank: (name: string, file: string) => T): void {
  for (const file of existsSync(folder) ? yamlFiles(folder) : []) {
    const name = basename(file, extname(file));
    if (!into.has(name)) into.set(name, blank(name, file));
  }
}

/** One named list of a rule folder, `<dir>/lists/<name>.yaml`, with the checks it gets at load; or why not. */
export function readList(dir: string, name: string): { list?: PatternList; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = join(dir, LISTS_DIR, `${name}.yaml`);
  const doc = readYaml(file, problems);
  if (doc === undefined) return { problems };
  const { list, errors } = parsePatternList(doc, name, file);
  return { list, problems: errors.map((message) => ({ file, message })) };
}

/**
 * Loads rule folders (`<dir>/<category>/<name>.yaml`, contexts in `<dir>/contexts/`, lists in `<dir>/lists/`), later folders adding
 * to earlier ones. Returns every problem found, so that `rules lint` can list them and the loader refuse.
 */
export function loadRuleSet(dirs: string[]): { ruleSet: RuleSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const contexts = new Map<string, Context>();
  const lists = new Map<string, PatternList>();
  const rules: Rule[] = [];
  const ids = new Map<string, string>();
  /** Rule id → the packs of its folder, by language. */
  const packsOf = new Map<string, Map<string, Pack>>();
  const allPacks: Pack[] = [];
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
    // A file with a problem (said there) stands in as matching nothing, so its uses are not also "unknown".
    standIns(join(dir, CONTEXTS_DIR), contexts, (name, file) => ({ name, description: '', terms: [], patterns: [], silencesModel: false, unless: [], file }));
    standIns(join(dir, LISTS_DIR), lists, (name, file) => ({ name, description: '', items: ['(?!)'], file }));
    const packs = readPacks(dir, problems);
    allPacks.push(...packs.values());
    for (const file of yamlFiles(dir)) {
      if (packLang(basename(file)) === undefined)
        problems.push({ file, message: 'not read: a rule goes in <category>/<name>.yaml, a pack is <language>.pack.yaml' });
    }
    for (const folder of entries) {
      if (folder === CONTEXTS_DIR || folder === LISTS_DIR) continue;
      for (const sub of subfolders(join(dir, folder)))
        problems.push({ file: sub, message: `not read: rules are read from ${folder}/<name>.yaml, not from folders inside it` });
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
        packsOf.set(id, packs);
      }
    }
  }
  for (const [name, ctx] of contexts) {
    const patterns = ctx.patterns.map((p, i) => expandPattern(p, lists, ctx.file, `patterns[${i}]`, problems));
    contexts.set(name, { ...ctx, patterns: patterns.filter((p) => p !== undefined) });
  }
  const probes: PendingProbe[] = [];
  /** Contexts whose patterns a use checks; the others are checked on their own at the end. */
  const read = new Set<string>();
  const check = (c: Condition, index: number, at: ConditionsAt) => {
    if (c.kind === 'context') read.add(c.context);
    checkCondition(c, index, at, contexts, problems, probes);
  };
  for (const ctx of contexts.values()) {
    ctx.unless.forEach((name, i) => {
      const other = contexts.get(name);
      const where = `unless[${i}]`;
      if (!other) problems.push({ file: ctx.file, message: `${where}: unknown context "${name}"` });
      else if (other.unless.length) problems.push({ file: ctx.file, message: `${where}: context "${name}" has an unless of its own; one level only` });
      else {
        read.add(name);
        checkReadAnywhere(other, `read anywhere as the unless of ${ctx.name}`, problems, probes);
      }
    });
  }
  for (const ctx of contexts.values()) {
    if (!ctx.silencesModel) continue;
    read.add(ctx.name);
    checkReadAnywhere(ctx, 'read anywhere, as silences_model', problems, probes);
  }
  // Each pack once, whether or not a rule inherits it yet (inherit: false, no rule of its language).
  /** A pack condition → its place as written, which dropping a condition that failed to expand would shift. */
  const packIndex = new Map<Condition, number>();
  for (const pack of allPacks) {
    const none = expandConditions(pack.none, lists, pack.file, 'none', problems);
    none.forEach((c, i) => {
      if (!c) return;
      packIndex.set(c, i);
      check(c, i, { file: pack.file, key: 'none' });
    });
    // The others stay, so that rules' `except` is checked against what the pack lists, not its problem again.
    pack.none = none.filter((c) => c !== undefined);
  }
  const complete: Rule[] = [];
  for (const rule of rules) {
    const all = expandConditions(rule.match.all, lists, rule.file, 'match.all', problems);
    const none = expandConditions(rule.match.none, lists, rule.file, 'match.none', problems);
    const at = { file: rule.file, triggerLength: triggerLength(rule) };
    all.forEach((c, i) => c && check(c, i, { ...at, key: 'match.all' }));
    none.forEach((c, i) => c && check(c, i, { ...at, key: 'match.none' }));
    const { inherited, problems: why } = inheritedNone(rule, packsOf.get(rule.id)!);
    why.forEach((message) => problems.push({ file: rule.file, message }));
    // Checked with each rule's trigger, since a window's cost depends on it; reported once, on the pack.
    for (const { condition, pack } of inherited) {
      check(condition, packIndex.get(condition)!, { ...at, file: pack.file, key: 'none' });
    }
    // Without a condition it names, a rule would flag more than it says: it is reported above, not loaded.
    if (all.includes(undefined) || none.includes(undefined)) continue;
    complete.push({
      ...rule,
      match: { ...rule.match, all: all.filter((c) => c !== undefined), none: [...none.filter((c) => c !== undefined), ...inherited.map((i) => i.condition)] },
    });
  }
  for (const ctx of contexts.values()) if (!read.has(ctx.name)) checkUnread(ctx, problems);
  runProbes(probes, problems);
  const unique = [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
  return { ruleSet: { rules: complete, contexts }, problems: unique };
}

/** The packs at the top of a rule folder (`<lang>.pack.yaml`), by language. */
function readPacks(dir: string, problems: Problem[]): Map<string, Pack> {
  const packs = new Map<string, Pack>();
  for (const file of yamlFiles(dir)) {
    const lang = packLang(basename(file));
    if (lang === undefined) continue;
    const doc = readYaml(file, problems);
    const { pack, errors } = doc === undefined ? { pack: undefined, errors: [] } : parsePack(doc, lang, file);
    errors.forEach((message) => problems.push({ file, message }));
    // One whose conditions could not be read at all (said on its file) stands in as unread, so that
    // rules excepting one of them are not also told the pack lacks it.
    const unread = !pack || (errors.length > 0 && pack.none.length === 0);
    packs.set(lang, unread ? { lang, description: '', none: [], file, unread: true } : pack);
  }
  return packs;
}
