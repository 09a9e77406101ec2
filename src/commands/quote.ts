import { excerpt } from '../core/excerpt.js';
import { Pseudonyms, PSEUDONYM_PREFIX } from '../core/pseudonyms.js';
import type { CommandContext } from './context.js';

/**
 * A message's first words, to show a member which message their command acted on, with the names of
 * members who opted out or were forgotten hidden (成员1, Member 1), as `stats` and `report` hide them.
 */
export async function quoteOf(ctx: CommandContext, text: string): Promise<string> {
  const hidden = new Pseudonyms([], PSEUDONYM_PREFIX[ctx.lang], await ctx.store.hiddenNames());
  return excerpt(text, undefined, (t, upTo) => hidden.hide(t, upTo));
}
