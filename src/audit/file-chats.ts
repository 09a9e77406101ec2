import { createHash } from 'node:crypto';
import type { ChatGroup } from '../core/chat-message.js';
import { realPath } from '../core/real-path.js';

/**
 * The groups of chats an export names only within its file (OpenedExport.fileScoped). Such a chat is
 * the one an earlier file holds when its first message was read before, as it is (the same id, text
 * and time): a copy of a file, or the same chat exported again. Otherwise it is a chat of its own,
 * known by its file's real path, though another file numbers its chat alike (two colleagues'
 * WeChatMsg exports of two chats both numbered 12). Its id names it and its file without the path.
 */
export class FileChats {
  /** Group ids by export, platform and id within the file. */
  private readonly ids = new Map<string, string>();
  /** A copy of each group object the readers share, with its id as placed (no allocation per message). */
  private readonly placed = new WeakMap<ChatGroup, ChatGroup>();

  /**
   * The group of a message of a file-scoped chat (`group` as its reader gave it) of export `source`
   * (file `path`): that of the message of export `again` it repeats, when it is the chat's first.
   */
  place(platform: string, group: ChatGroup, source: number, path: string, again: number | undefined): ChatGroup {
    const key = chatKey(source, platform, group.id);
    if (!this.ids.has(key)) {
      const earlier = again === undefined ? undefined : this.ids.get(chatKey(again, platform, group.id));
      this.ids.set(key, earlier ?? ownId(path, group.id, group.name));
    }
    let placed = this.placed.get(group);
    if (!placed) this.placed.set(group, (placed = { ...group, id: this.ids.get(key)! }));
    return placed;
  }

  /** The group id of a file-scoped chat of export `source`, its own if none of its messages was placed. */
  idOf(source: number, platform: string, id: string, path: string, name: string): string {
    const key = chatKey(source, platform, id);
    let placed = this.ids.get(key);
    if (placed === undefined) this.ids.set(key, (placed = ownId(path, id, name)));
    return placed;
  }
}

const chatKey = (source: number, platform: string, id: string): string => `${source}\u0000${platform}\u0000${id}`;

/** A chat of its own: its name, and a hash of its file's real path and its id there (no folder or user name shows). */
function ownId(path: string, id: string, name: string | undefined): string {
  const hash = createHash('sha256')
    .update(`${realPath(path)}\u0000${id}`)
    .digest('hex')
    .slice(0, 8);
  return `${name ?? 'chat'}#${hash}`;
}
