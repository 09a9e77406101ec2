import type { ChatGroup } from '../core/chat-message.js';

/** What the bot stored of a group last: a message whose group reads the same stores nothing. */
export type GroupSignature = Pick<ChatGroup, 'name' | 'memberCount' | 'members' | 'coverage'>;

export function signatureOf(g: ChatGroup): GroupSignature {
  return { name: g.name, memberCount: g.memberCount, members: g.members, coverage: g.coverage };
}

/**
 * Whether the group reads as it was stored. Members are compared one by one, not by their number: one
 * leaving as another joins changes who the group's stats and overlaps count. Adapters hand the same
 * list on until they read it again, so on the hot path the lists are one array, compared at once.
 */
export function sameSignature(seen: GroupSignature, g: ChatGroup): boolean {
  return seen.name === g.name && seen.memberCount === g.memberCount && seen.coverage === g.coverage && sameMembers(seen.members, g.members);
}

function sameMembers(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
