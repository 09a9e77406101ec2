import type { CommandContext } from './context.js';

/**
 * Whether no one the bot knows in the asker's group goes by this id or name: neither a member the
 * platform lists nor anyone who wrote there, under the names the store keeps. False where the
 * platform lists no members (DingTalk robots see only who mentions them): there the bot cannot tell.
 */
export async function unknownInGroup(ctx: CommandContext, who: string): Promise<boolean> {
  const group = ctx.msg.group;
  if (!group?.members?.length || group.members.includes(who)) return false;
  const people = await ctx.store.peopleOf({ platform: ctx.msg.platform, groupIds: [group.id], from: 0, to: Number.MAX_SAFE_INTEGER });
  return !people.some((p) => p.id === who || p.names.includes(who));
}
