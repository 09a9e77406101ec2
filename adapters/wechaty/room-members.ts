import type { Room } from 'wechaty';
import type { IdentityResolver } from './identity.js';
import { contactIdentity } from './entities.js';

/**
 * Stable ids of each room's members (the bot itself left out), fetched once and refreshed when
 * someone joins or leaves: member lists of 500 are too dear to fetch for every message.
 */
export class RoomMembers {
  private readonly cache = new Map<string, Promise<string[]>>();

  constructor(
    private readonly identities: IdentityResolver,
    private readonly selfId: () => string | undefined,
  ) {}

  of(room: Room): Promise<string[]> {
    let members = this.cache.get(room.id);
    if (!members) {
      members = this.fetch(room);
      this.cache.set(room.id, members);
      // A failed fetch is not cached; the next message tries again.
      members.catch(() => this.cache.delete(room.id));
    }
    return members;
  }

  /** On room-join and room-leave. */
  invalidate(roomId: string): void {
    this.cache.delete(roomId);
  }

  /** On logout: the puppet ids are void. */
  clear(): void {
    this.cache.clear();
  }

  private async fetch(room: Room): Promise<string[]> {
    const self = this.selfId();
    const contacts = (await room.memberAll()).filter((c) => c.id !== self);
    return Promise.all(contacts.map(async (c) => (await contactIdentity(this.identities, c)).id));
  }
}
