import type { ChatMessage } from '../../src/bot/chat-message.js';
import { oneLine } from '../../src/util/errors.js';
import type { SlackDirectory } from './directory.js';

/**
 * Adds what the event does not carry: the group's name, members and count, the sender's name and
 * admin right. A failed lookup leaves those fields out and is logged; the message still goes on,
 * as losing it would be worse than counting it without a member count.
 */
export async function enrich(msg: ChatMessage, directory: SlackDirectory, log: (line: string) => void): Promise<ChatMessage> {
  const [channel, user] = await Promise.allSettled([
    msg.group ? directory.channel(msg.group.id) : Promise.resolve(undefined),
    directory.user(msg.sender.id),
  ]);
  const out: ChatMessage = { ...msg, sender: { ...msg.sender } };
  if (msg.group) {
    if (channel.status === 'fulfilled' && channel.value) {
      const { name, members } = channel.value;
      out.group = { ...msg.group, name: msg.group.name ?? name, memberCount: members.length, members };
    } else if (channel.status === 'rejected') {
      log(`slack: no members for channel ${msg.group.id} (${oneLine(channel.reason)}); message ${msg.id} kept without a member count`);
    }
  }
  if (user.status === 'fulfilled') {
    out.sender.name = user.value.name ?? msg.sender.name;
    out.senderIsAdmin = user.value.isAdmin;
  } else {
    log(`slack: no profile for user ${msg.sender.id} (${oneLine(user.reason)})`);
    out.senderIsAdmin = directory.isConfiguredAdmin(msg.sender.id);
  }
  return out;
}
