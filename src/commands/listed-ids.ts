import type { ChatMessage, MentionedPerson } from '../core/chat-message.js';
import { peopleListed } from './name-list.js';

/**
 * Who a setting's value names, as a message must reach them: a plain name as written, and so a
 * mention where the text holds the id (Slack's <@U…>) or a name reaches the person (WeChat). Where
 * the platform tells mentions apart from the text (`msg.mentioned`), a mention is its person's id,
 * as the platform pairs it with the name (Feishu), or, when it pairs none (DingTalk), when the value
 * mentions one person and the message one: which of several is whom it does not tell. `unknown`
 * lists the mentions whose id the message does not give, which are refused rather than stored as ids.
 * `courtesy`: as peopleListed takes it.
 */
export function listedIds(msg: ChatMessage, value: string, courtesy: 'drop' | 'keep' = 'drop'): { ids: string[]; unknown: string[] } {
  const listed = peopleListed(value, courtesy);
  const people = msg.mentioned;
  if (!people) return { ids: listed.map((p) => p.name), unknown: [] };
  const unnamed = people.filter((p) => p.name === undefined);
  const mentions = listed.filter((p) => p.mentioned).length;
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const { name, mentioned } of listed) {
    const id = !mentioned ? name : (idOf(people.filter((p) => p.name === name)) ?? (mentions === 1 ? idOf(unnamed) : undefined));
    if (id === undefined) unknown.push(name);
    else ids.push(id);
  }
  return { ids, unknown };
}

/** The id of the one person among these, if they are one and it is known. */
function idOf(people: MentionedPerson[]): string | undefined {
  const ids = new Set(people.map((p) => p.id));
  return ids.size === 1 ? [...ids][0] : undefined;
}
