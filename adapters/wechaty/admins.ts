import type { Contact, Room } from 'wechaty';
import type { ContactIdentity } from './entities.js';

/** Admins are the room's owner, plus the members config names by stable id, alias or name. */
export function isAdmin(configured: string[], room: Room | undefined, contact: Contact, who: ContactIdentity): boolean {
  if (room && room.owner()?.id === contact.id) return true;
  return configured.some((a) => a === who.id || who.names.includes(a));
}
