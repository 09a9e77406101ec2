import type { Adapter } from '../core/adapter.js';
import type { ChatMessage } from '../core/chat-message.js';
import type { Config } from '../core/config.js';

/** A group admin: the platform's owner/admin of the group, or a user listed for the platform in config. */
export async function isGroupAdmin(msg: ChatMessage, adapter: Adapter, config: Config): Promise<boolean> {
  if (config.admins[msg.platform]?.includes(msg.sender.id)) return true;
  if (msg.senderIsAdmin) return true;
  if (!msg.group) return false;
  return adapter.isGroupAdmin(msg.group.id, msg.sender.id);
}
