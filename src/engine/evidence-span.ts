/**
 * White space and the marks that end a clause or sentence, ASCII and full-width. A condition found
 * near the trigger widens the evidence to where it matched, often the separator before the verb
 * ("All staff: fill in…", "tonight.\nReply 'done'"); quotes, brackets and symbols stay, as they
 * may be what was asked for ('done', 「收到」, ✅).
 */
const SEPARATOR = /[\s.,;:!?。，、；：！？…]/u;

/**
 * The span `[from, to)` of `text` without separators at its ends, so that what a finding quotes and
 * a report marks starts and ends on words; one made of separators alone is left whole.
 */
export function trimEvidence(text: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && SEPARATOR.test(text[a])) a++;
  while (b > a && SEPARATOR.test(text[b - 1])) b--;
  return a < b ? [a, b] : [from, to];
}
