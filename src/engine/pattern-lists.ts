import type { Description } from './description.js';
import type { Problem } from './problem.js';
import type { Condition } from './rule.js';

/**
 * The longest pattern a rule or context may write: past this a policy author cannot read it. A long
 * alternation belongs in a named list (below), a set of literal words in a context.
 */
export const MAX_PATTERN_LENGTH = 300;

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

const REFERENCE = /\{\{([a-z0-9-]+)\}\}/g;

/**
 * The pattern with every `{{name}}` replaced by its list, lists inside lists too; what is wrong
 * (a name no list defines, a list that refers to itself), one line each.
 */
export function expandLists(pattern: string, lists: ReadonlyMap<string, PatternList>, within: string[] = []): { pattern: string; problems: string[] } {
  const problems: string[] = [];
  const expanded = pattern.replace(REFERENCE, (ref, name: string) => {
    const list = lists.get(name);
    if (!list) problems.push(`unknown list "${name}" (no lists/${name}.yaml)`);
    else if (within.includes(name)) problems.push(`list "${name}" refers to itself (${[...within, name].join(' -> ')})`);
    else {
      const items = list.items.map((item) => expandLists(item, lists, [...within, name]));
      problems.push(...items.flatMap((i) => i.problems));
      return `(?:${items.map((i) => i.pattern).join('|')})`;
    }
    return ref;
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

/** Conditions written at `key` of `file` with their patterns' lists written out; undefined when one cannot be. */
export function expandConditions(
  conditions: Condition[],
  lists: ReadonlyMap<string, PatternList>,
  file: string,
  key: string,
  problems: Problem[],
): Condition[] | undefined {
  let ok = true;
  const expanded = conditions.map((c, i) => {
    if (c.kind !== 'pattern') return c;
    const pattern = expandPattern(c.pattern, lists, file, `${key}[${i}].pattern`, problems);
    if (pattern === undefined) ok = false;
    return { ...c, pattern: pattern ?? c.pattern };
  });
  return ok ? expanded : undefined;
}
