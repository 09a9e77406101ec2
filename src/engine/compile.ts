import { AhoCorasick } from './aho-corasick.js';
import { isBuiltinRuleFile } from './builtin-rules.js';
import type { Condition, Rule, RuleSet } from './rule.js';
import { reachOf } from './polynomial-window.js';
import { requiredLiterals } from './regex-prefilter.js';
import { regexSafety } from './regex-safety.js';
import { parseTerm } from './term.js';

/** Where an automaton pattern counts: in which term set, and whether its ends need word boundaries. */
export interface PatternUse {
  set: number;
  left: boolean;
  right: boolean;
}

/** A rule condition resolved to term sets and regex ids, with its proximity to the trigger. */
export interface CompiledCondition {
  sets: number[];
  regexes: number[];
  within?: number;
  before?: number;
  after?: number;
  /** A context's `unless`: where one of these occurs anywhere in the message, the condition does not hold. */
  unless?: CompiledCondition[];
}

export interface CompiledRule {
  rule: Rule;
  trigger: number;
  all: CompiledCondition[];
  none: CompiledCondition[];
}

/**
 * All rules compiled into one automaton over every term of every rule and context: a message is
 * scanned once, whatever the number of rules, and only rules whose trigger fired are looked at.
 */
export interface Compiled {
  automaton: AhoCorasick;
  /** Pattern id → its length in normalised code units. */
  lengths: Int32Array;
  /**
   * Pattern id → the term sets it belongs to, flattened for the hot loop: uses of pattern p are
   * useSet/useFlags[useStart[p] .. useStart[p + 1]); flags bit 1 = left boundary, bit 2 = right.
   */
  useStart: Int32Array;
  useSet: Int32Array;
  useFlags: Uint8Array;
  setCount: number;
  /**
   * Term set id → its name as the learned stage reads it ("" for none): a rule's trigger
   * (`trigger:<rule>`), a context (`context:<name>`) or a rule's own condition (`<rule>:all<j>`,
   * `<rule>:none<j>`). Names, not ids, so a feature keeps its meaning when packs are added or reordered.
   * Only the built-in folder's sets are named: the model learnt no others (see `signal` in compile).
   */
  setNames: string[];
  /** Term set id → rules whose trigger it is. */
  triggerRules: CompiledRule[][];
  regexes: RegExp[];
  /** Regex id → the term set of literals every match contains (-1: none known, always run). */
  regexGate: Int32Array;
  /**
   * Regex id → -1 for a linear pattern, run once over the whole text; for a polynomial one, how far
   * past a condition's window its slice of the text extends (polynomial-window.ts).
   */
  regexReach: Int32Array;
  rules: CompiledRule[];
  /** The contexts that silence the learned stage's own flags wherever they occur (`silences_model`). */
  modelSilencers: CompiledCondition[];
}

export function compile(ruleSet: RuleSet): Compiled {
  const patternIds = new Map<string, number>();
  const uses: PatternUse[][] = [];
  const regexIds = new Map<string, number>();
  const regexes: RegExp[] = [];
  const regexGate: number[] = [];
  const regexReach: number[] = [];
  let setCount = 0;
  const setNames: string[] = [];

  const termSet = (terms: string[], name = ''): number => {
    const set = setCount++;
    setNames.push(name);
    for (const raw of terms) {
      const t = parseTerm(raw);
      if (!t.text) continue;
      let id = patternIds.get(t.text);
      if (id === undefined) {
        id = uses.length;
        patternIds.set(t.text, id);
        uses.push([]);
      }
      uses[id].push({ set, left: t.left, right: t.right });
    }
    return set;
  };
  const regexId = (source: string): number => {
    let id = regexIds.get(source);
    if (id === undefined) {
      id = regexes.length;
      regexIds.set(source, id);
      regexes.push(new RegExp(source, 'gu'));
      const literals = requiredLiterals(source);
      // "*…*": the literals may sit inside words, so no word boundaries apply to them.
      regexGate.push(literals ? termSet(literals.map((l) => `*${l}*`)) : -1);
      regexReach.push(regexSafety(source).safety === 'polynomial' ? reachOf(source) : -1);
    }
    return id;
  };
  // npm run train reads the built-in folder alone, so the model learnt its names only; another's name
  // would hash onto a row trained for some other feature and move the scores, so it is given none.
  const signal = (name: string, file: string): string => (isBuiltinRuleFile(file) ? name : '');
  const contextSets = new Map<string, CompiledCondition>();
  for (const [name, ctx] of ruleSet.contexts) {
    contextSets.set(name, { sets: ctx.terms.length ? [termSet(ctx.terms, signal(`context:${name}`, ctx.file))] : [], regexes: ctx.patterns.map(regexId) });
  }
  // One level deep (the loader refuses an `unless` context with an `unless` of its own).
  for (const [name, ctx] of ruleSet.contexts) {
    if (!ctx.unless.length) continue;
    contextSets.get(name)!.unless = ctx.unless.map((u) => {
      const other = contextSets.get(u);
      if (!other) throw new Error(`unknown context "${u}"`); // the loader reports it first
      return other;
    });
  }
  const resolve = (c: Condition, name: string): CompiledCondition => {
    const near = { within: c.within, before: c.before, after: c.after };
    if (c.kind === 'terms') return { sets: [termSet(c.terms, name)], regexes: [], ...near };
    if (c.kind === 'pattern') return { sets: [], regexes: [regexId(c.pattern)], ...near };
    const ctx = contextSets.get(c.context);
    if (!ctx) throw new Error(`unknown context "${c.context}"`); // the loader reports it first
    return { ...ctx, ...near };
  };
  const condition = (c: Condition, name: string): CompiledCondition => {
    const compiled = resolve(c, name);
    // The loader refuses this first; a rule set built without it must not run one over a whole text either.
    const open = c.within === undefined && c.before === undefined && c.after === undefined;
    if (open && compiled.regexes.some((id) => regexReach[id] !== -1)) throw new Error('a polynomial pattern needs a window');
    return compiled;
  };

  const rules: CompiledRule[] = ruleSet.rules.map((rule) => ({
    rule,
    trigger: termSet(rule.match.any, signal(`trigger:${rule.id}`, rule.file)),
    all: rule.match.all.map((c, j) => condition(c, signal(`${rule.id}:all${j}`, rule.file))),
    none: rule.match.none.map((c, j) => condition(c, signal(`${rule.id}:none${j}`, rule.file))),
  }));
  const modelSilencers = [...ruleSet.contexts.values()]
    .filter((ctx) => ctx.silencesModel)
    .map((ctx) => condition({ kind: 'context', context: ctx.name }, `context:${ctx.name}`));
  const triggerRules: CompiledRule[][] = Array.from({ length: setCount }, () => []);
  for (const r of rules) triggerRules[r.trigger].push(r);
  const patterns = [...patternIds.keys()];
  const flat = uses.flat();
  const useStart = new Int32Array(uses.length + 1);
  uses.forEach((u, p) => (useStart[p + 1] = useStart[p] + u.length));
  return {
    automaton: new AhoCorasick(patterns),
    lengths: Int32Array.from(patterns, (p) => p.length),
    useStart,
    useSet: Int32Array.from(flat, (u) => u.set),
    useFlags: Uint8Array.from(flat, (u) => (u.left ? 1 : 0) | (u.right ? 2 : 0)),
    setCount,
    setNames,
    triggerRules,
    regexes,
    regexGate: Int32Array.from(regexGate),
    regexReach: Int32Array.from(regexReach),
    rules,
    modelSilencers,
  };
}
