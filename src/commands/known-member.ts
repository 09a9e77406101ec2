import type { CommandContext } from './context.js';

/**
 * Whether no one the bot knows in the asker's group goes by this id or name: neither a member the
 * platform lists nor anyone who wrote there, under the names the store keeps. Platforms list members
 * by id alone (WeChat's are stable hashes), so a name is ruled out only when every member has written
 * and the store knows a name for each: until then a silent member may go by it, and delivery may well
 * reach them (WeChat finds a supervisor's contact by alias or name). False where the platform lists no
 * members (DingTalk robots see only who mentions them): there the bot cannot tell either.
 */
export async function unknownInGroup(ctx: CommandContext, who: string): Promise<boolean> {
  const members = ctx.msg.group?.members;
  if (!members?.length || members.includes(who)) return false;
  const people = await ctx.store.peopleOf({ platform: ctx.msg.platform, groupIds: [ctx.msg.group!.id], from: 0, to: Number.MAX_SAFE_INTEGER });
  if (people.some((p) => p.id === who || p.names.includes(who))) return false;
  const named = new Set(people.filter((p) => p.names.length).map((p) => p.id));
  return members.every((m) => named.has(m));
}
