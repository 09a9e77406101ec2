import { isCategory } from '../core/categories.js';
import { isLang, LANGS, type Lang } from '../core/lang.js';
import type { Description } from './description.js';
import { tooLong, type PatternList } from './pattern-lists.js';
import { unnormalisedLiterals } from './pattern-normal-form.js';
import type { Pack } from './rule-packs.js';
import type { Condition, Context, Level, Rule } from './rule.js';
import { parseTerm } from './term.js';

type Obj = Record<string, unknown>;

const RULE_KEYS = ['description', 'level', 'languages', 'match', 'inherit', 'veto', 'falsepositives', 'references', 'examples'];
const MATCH_KEYS = ['any', 'all', 'none'];
const CONDITION_KINDS = ['context', 'terms', 'pattern'];
const PROXIMITY = ['within', 'before', 'after'];
const LEVELS: Level[] = ['high', 'medium', 'low'];
export const MIN_EXAMPLES = 3;

/** Collects every problem of one file rather than stopping at the first, so lint can show them all. */
class Checker {
  readonly errors: string[] = [];
  fail(where: string, why: string): void {
    this.errors.push(`${where}: ${why}`);
  }
  obj(v: unknown, where: string, keys: string[]): Obj | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(where, 'expected a mapping');
      return undefined;
    }
    for (const k of Object.keys(v)) if (!keys.includes(k)) this.fail(where, `unknown key "${k}" (allowed: ${keys.join(', ')})`);
    return v as Obj;
  }
  strings(v: unknown, where: string, { required = false, min = 0 } = {}): string[] {
    if (v === undefined) {
      if (required) this.fail(where, 'is required');
      return [];
    }
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
      this.fail(where, 'expected a list of non-empty strings');
      return [];
    }
    if (v.length < min) this.fail(where, `needs at least ${min} entries, has ${v.length}`);
    return v as string[];
  }
  /**
   * Terms: strings, none of which is empty once normalised ("*", a zero-width space), as such a term
   * can never match, nor holds "，", which in `[晒步数，步数截图]` made one term of two.
   */
  terms(v: unknown, where: string, opts: { required?: boolean; min?: number } = {}): string[] {
    const terms = this.strings(v, where, opts);
    for (const t of terms) if (parseTerm(t).text === '') this.fail(where, `${JSON.stringify(t)} is empty once normalised, so it can never match`);
    for (const t of terms.filter((t) => t.includes('，'))) {
      this.fail(where, `${JSON.stringify(t)} is one term: "，" does not separate terms, write ", " between them (a comma inside a term: "," in quotes)`);
    }
    return terms;
  }
  /** Languages fingertip knows: a rule's languages choose its packs, so `zh-CN` or `中文` would silently drop them all. */
  languages(v: unknown, where: string): string[] {
    const langs = this.strings(v, where, { required: true, min: 1 });
    for (const l of langs.filter((l) => !isLang(l))) this.fail(where, `unknown language ${JSON.stringify(l)} (allowed: ${LANGS.join(', ')})`);
    return langs;
  }
  /** true or false, `absent` when the key is not written. */
  flag(v: unknown, where: string, absent: boolean): boolean {
    if (v === undefined) return absent;
    if (typeof v === 'boolean') return v;
    this.fail(where, 'expected true or false');
    return absent;
  }
  text(v: unknown, where: string): string {
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(where, 'expected a non-empty string');
      return '';
    }
    return v;
  }
  /** A regular expression as written: a readable length is part of being valid. */
  pattern(v: unknown, where: string): string {
    const pattern = this.text(v, where);
    const why = tooLong(pattern) ?? unnormalisedLiterals(pattern);
    if (why) this.fail(where, why);
    return pattern;
  }
  patterns(v: unknown, where: string, opts: { required?: boolean; min?: number } = {}): string[] {
    const patterns = this.strings(v, where, opts);
    patterns.forEach((p, i) => this.pattern(p, `${where}[${i}]`));
    return patterns;
  }
  /** A plain string, or a mapping of language to text (`{zh: ..., en: ...}`) holding at least one. */
  description(v: unknown, where: string): Description {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.text(v, where);
    const o = this.obj(v, where, [...LANGS])!;
    const texts: Partial<Record<Lang, string>> = {};
    for (const lang of LANGS) if (o[lang] !== undefined) texts[lang] = this.text(o[lang], `${where}.${lang}`);
    if (Object.keys(texts).length === 0) this.fail(where, `needs a text in ${LANGS.join(' or ')}`);
    return texts;
  }
}

function parseCondition(c: Checker, v: unknown, where: string): Condition | undefined {
  if (typeof v === 'string') return { kind: 'context', context: v };
  if (Array.isArray(v)) {
    const terms = c.terms(v, where, { min: 1 });
    return terms.length ? { kind: 'terms', terms } : undefined;
  }
  const o = c.obj(v, where, [...CONDITION_KINDS, ...PROXIMITY]);
  if (!o) return undefined;
  const kinds = CONDITION_KINDS.filter((k) => o[k] !== undefined);
  if (kinds.length !== 1) {
    c.fail(where, `needs exactly one of ${CONDITION_KINDS.join(', ')}`);
    return undefined;
  }
  const near: Partial<Record<(typeof PROXIMITY)[number], number>> = {};
  for (const k of PROXIMITY) {
    if (o[k] === undefined) continue;
    if (!Number.isInteger(o[k]) || (o[k] as number) < 0) c.fail(`${where}.${k}`, 'expected a whole number of characters');
    else near[k as 'within'] = o[k] as number;
  }
  if (Object.keys(near).length > 1) c.fail(where, 'takes one of within, before, after');
  if (o.context !== undefined) return { kind: 'context', context: c.text(o.context, `${where}.context`), ...near };
  if (o.pattern !== undefined) return { kind: 'pattern', pattern: c.pattern(o.pattern, `${where}.pattern`), ...near };
  return { kind: 'terms', terms: c.terms(o.terms, `${where}.terms`, { min: 1 }), ...near };
}

function parseConditions(c: Checker, v: unknown, where: string): Condition[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    c.fail(where, 'expected a list of conditions');
    return [];
  }
  return v.map((e, i) => parseCondition(c, e, `${where}[${i}]`)).filter((x): x is Condition => x !== undefined);
}

function parseInherit(c: Checker, v: unknown): Rule['inherit'] {
  if (v === undefined) return true;
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    c.fail('inherit', 'expected true, false or {except: [context, ...]}');
    return true;
  }
  const o = c.obj(v, 'inherit', ['except'])!;
  return { except: c.strings(o.except, 'inherit.except', { required: true, min: 1 }) };
}

/** Checks one parsed rule document; returns the rule or the list of what is wrong with it. */
export function parseRule(doc: unknown, id: string, file: string): { rule?: Rule; errors: string[] } {
  const c = new Checker();
  const category = id.split('/')[0];
  if (!isCategory(category)) c.fail('path', `"${category}" is not a category of taxonomy.md`);
  const o = c.obj(doc, 'rule', RULE_KEYS);
  if (!o) return { errors: c.errors };
  const level = o.level as Level;
  if (!LEVELS.includes(level)) c.fail('level', `expected one of ${LEVELS.join(', ')}`);
  const m = c.obj(o.match, 'match', MATCH_KEYS);
  const ex = c.obj(o.examples, 'examples', ['flag', 'pass']);
  const rule: Rule = {
    id,
    category: category as Rule['category'],
    description: c.description(o.description, 'description'),
    level,
    languages: c.languages(o.languages, 'languages'),
    match: {
      any: c.terms(m?.any, 'match.any', { required: true, min: 1 }),
      all: parseConditions(c, m?.all, 'match.all'),
      none: parseConditions(c, m?.none, 'match.none'),
    },
    inherit: parseInherit(c, o.inherit),
    veto: c.flag(o.veto, 'veto', true),
    falsepositives: c.strings(o.falsepositives, 'falsepositives'),
    references: c.strings(o.references, 'references'),
    examples: {
      flag: c.strings(ex?.flag, 'examples.flag', { required: true, min: MIN_EXAMPLES }),
      pass: c.strings(ex?.pass, 'examples.pass', { required: true, min: MIN_EXAMPLES }),
    },
    file,
  };
  return c.errors.length ? { errors: c.errors } : { rule, errors: [] };
}

export function parseContext(doc: unknown, name: string, file: string): { context?: Context; errors: string[] } {
  const c = new Checker();
  const o = c.obj(doc, 'context', ['description', 'terms', 'patterns', 'silences_model', 'unless']);
  if (!o) return { errors: c.errors };
  const context: Context = {
    name,
    description: c.description(o.description, 'description'),
    terms: c.terms(o.terms, 'terms'),
    patterns: c.patterns(o.patterns, 'patterns'),
    silencesModel: c.flag(o.silences_model, 'silences_model', false),
    unless: c.strings(o.unless, 'unless'),
    file,
  };
  if (!context.terms.length && !context.patterns.length) c.fail('context', 'needs terms or patterns');
  return c.errors.length ? { errors: c.errors } : { context, errors: [] };
}

export function parsePatternList(doc: unknown, name: string, file: string): { list?: PatternList; errors: string[] } {
  const c = new Checker();
  const o = c.obj(doc, 'list', ['description', 'items']);
  if (!o) return { errors: c.errors };
  const list: PatternList = {
    name,
    description: c.description(o.description, 'description'),
    items: c.patterns(o.items, 'items', { required: true, min: 1 }),
    file,
  };
  return c.errors.length ? { errors: c.errors } : { list, errors: [] };
}

export function parsePack(doc: unknown, lang: string, file: string): { pack?: Pack; errors: string[] } {
  const c = new Checker();
  const o = c.obj(doc, 'pack', ['description', 'none']);
  if (!o) return { errors: c.errors };
  if (!isLang(lang)) c.fail('pack', `unknown language "${lang}" in its file name (allowed: ${LANGS.map((l) => l + '.pack.yaml').join(', ')})`);
  if (!Array.isArray(o.none) || !o.none.length) c.fail('none', 'expected a list of at least one condition');
  // What is not a list is said once, above.
  const none = Array.isArray(o.none) ? parseConditions(c, o.none, 'none') : [];
  const pack: Pack = { lang, description: c.description(o.description, 'description'), none, file };
  // Kept despite its problems (said on its file), so that rules excepting a condition it lists are not also told it is missing.
  return { pack, errors: c.errors };
}
