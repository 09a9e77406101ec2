import type { Description } from './description.js';
import type { Problem } from './problem.js';
import type { Condition } from './rule.js';

/**
 * The longest pattern a rule or context may write: past this a policy author cannot read it. A long
 * alternation belongs in a named list (below), a set of literal words in a context.
 */
export const MAX_PATTERN_LENGTH = 300;

/**
 * The longest a pattern may grow once its lists are written out (the shipped rules' longest is
 * under 2,000): lists that nest many references to one another would otherwise multiply into
 * gigabytes before any check could refuse them.
 */
export const MAX_EXPANDED_LENGTH = 20_000;

/**
 * A named list of pattern alternatives (`rules/lists/<name>.yaml`), written `{{name}}` inside a
 * pattern and read there as `(?:item|item|...)`, in the order given (the first that matches wins).
 */
export interface PatternList {
  name: string;
  description: Description;
  items: string[];
  file: string;
}

/** A list written into a pattern: `{{name}}`. */
export const REFERENCE = /\{\{([a-z0-9-]+)\}\}/g;

/**
 * The pattern with every `{{name}}` replaced by its list, lists inside lists too; what is wrong
 * (a name no list defines, a list that refers to itself, a pattern grown past MAX_EXPANDED_LENGTH),
 * one line each. A list is written out once per pattern however often it is used.
 */
export function expandLists(
  pattern: string,
  lists: ReadonlyMap<string, PatternList>,
  within: string[] = [],
  done = new Map<string, string>(),
): { pattern: string; problems: string[] } {
  const problems: string[] = [];
  let length = pattern.length;
  const expanded = pattern.replace(REFERENCE, (ref, name: string) => {
    if (length > MAX_EXPANDED_LENGTH) return ref;
    const list = lists.get(name);
    let out = done.get(name);
    if (out === undefined && !list) problems.push(`unknown list "${name}" (no lists/${name}.yaml)`);
    else if (out === undefined && within.includes(name)) problems.push(`list "${name}" refers to itself (${[...within, name].join(' -> ')})`);
    else if (out === undefined) {
      const items = list!.items.map((item) => expandLists(item, lists, [...within, name], done));
      problems.push(...items.flatMap((i) => i.problems));
      out = `(?:${items.map((i) => i.pattern).join('|')})`;
      if (!items.some((i) => i.problems.length)) done.set(name, out);
    }
    if (out === undefined) return ref;
    length += out.length - ref.length;
    if (length > MAX_EXPANDED_LENGTH) problems.push(`its lists written out make it longer than ${MAX_EXPANDED_LENGTH.toLocaleString('en')} characters`);
    return out;
  });
  return { pattern: expanded, problems: [...new Set(problems)] };
}

/** Why a pattern as written is too long to keep, or undefined. */
export function tooLong(pattern: string): string | undefined {
  if (pattern.length <= MAX_PATTERN_LENGTH) return undefined;
  return `pattern of ${pattern.length} characters, over the limit of ${MAX_PATTERN_LENGTH}: move its alternatives into a named list (lists/<name>.yaml, used as {{name}}) or its words into a context`;
}

/**
 * A pattern with its lists written out; undefined when a list is missing or loops (the problem
 * recorded), so that the pattern is not checked further: its braces would read as bad regex.
 */
export function expandPattern(pattern: string, lists: ReadonlyMap<string, PatternList>, file: string, where: string, problems: Problem[]): string | undefined {
  const expanded = expandLists(pattern, lists);
  for (const why of expanded.problems) problems.push({ file, message: `${where}: ${why}` });
  return expanded.problems.length ? undefined : expanded.pattern;
}

/**
 * Conditions written at `key` of `file` with their patterns' lists written out, each in its place;
 * undefined where one cannot be (the problem recorded), so that the others are still checked.
 */
export function expandConditions(
  conditions: Condition[],
  lists: ReadonlyMap<string, PatternList>,
  file: string,
  key: string,
  problems: Problem[],
): (Condition | undefined)[] {
  return conditions.map((c, i) => {
    if (c.kind !== 'pattern') return c;
    const pattern = expandPattern(c.pattern, lists, file, `${key}[${i}].pattern`, problems);
    return pattern === undefined ? undefined : { ...c, pattern };
  });
}
