import type { Description } from './description.js';

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
