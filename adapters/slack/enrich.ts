import type { ChatMessage } from '../../src/core/chat-message.js';
import { oneLine } from '../../src/core/errors.js';
import type { BurstLog } from '../common/burst-log.js';
import type { SlackDirectory } from './directory.js';

/**
 * Adds what the event does not carry, as far as the directory already knows it, without calling
 * the Web API: the group's name, members and count, the sender's name and admin right. `missing`
 * counts the lookups (channel, sender) not known yet; what they would add is then left out.
 */
export function withDirectory(msg: ChatMessage, directory: SlackDirectory): { msg: ChatMessage; missing: number } {
  const channel = msg.group ? directory.cachedChannel(msg.group.id) : undefined;
  const user = directory.cachedUser(msg.sender.id);
  const out: ChatMessage = { ...msg, sender: { ...msg.sender } };
  if (msg.group && channel) {
    out.group = { ...msg.group, name: msg.group.name ?? channel.name, memberCount: channel.members.length, members: channel.members };
  }
  if (user) out.sender.name = user.name ?? msg.sender.name;
  out.senderIsAdmin = user?.isAdmin ?? directory.isConfiguredAdmin(msg.sender.id);
  return { msg: out, missing: (msg.group && !channel ? 1 : 0) + (user ? 0 : 1) };
}

/**
 * Looks up the message's channel and sender (the directory calls the Web API only for what it has
 * not cached, or cached too long ago); resolves once both settled. A failed lookup costs the message
 * its member count or sender's name, not the message: it is logged by the burst, as while the Web
 * API is down every message's lookup fails.
 */
export async function lookUp(msg: ChatMessage, directory: SlackDirectory, failures: BurstLog): Promise<void> {
  const [channel, user] = await Promise.allSettled([msg.group ? directory.channel(msg.group.id) : Promise.resolve(undefined), directory.user(msg.sender.id)]);
  if (channel.status === 'rejected') {
    failures.report(`no members for channel ${msg.group?.id} (${oneLine(channel.reason)}); its messages are kept without a member count`);
  }
  if (user.status === 'rejected') failures.report(`no profile for user ${msg.sender.id} (${oneLine(user.reason)})`);
}
