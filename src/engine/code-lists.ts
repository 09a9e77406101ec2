import { InputError } from '../core/errors.js';
import { BUILTIN_RULES_DIR } from './builtin-rules.js';
import { readList } from './load-rules.js';
import { formatProblem } from './problem.js';

/**
 * A named list that code matches with rather than a rule (`rules/lists/<name>.yaml`, built-in by
 * default), so that its words sit beside the rules: its items as one alternation `(?:a|b|c)`, in order.
 * The code numbers its own capturing groups around it, so an item must compile alone and capture
 * nothing. Anything wrong is one line naming the file; callers read their lists as their module
 * loads, which is when a command starts.
 */
export function listAlternation(name: string, dir: string = BUILTIN_RULES_DIR): string {
  const { list, problems } = readList(dir, name);
  if (!list || problems.length) throw new InputError(formatProblem(problems[0]));
  list.items.forEach((item, i) => {
    const why = itemProblem(item);
    if (why) throw new InputError(formatProblem({ file: list.file, message: `items[${i}]: ${why}` }));
  });
  return `(?:${list.items.join('|')})`;
}

function itemProblem(item: string): string | undefined {
  let groups: number;
  try {
    // An empty alternative always matches, so exec shows how many groups the item holds.
    groups = new RegExp(`(?:${item})|`, 'u').exec('')!.length - 1;
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message}`;
  }
  return groups ? 'a capturing group "( )" here would shift the code\'s own groups: write "(?: )"' : undefined;
}
