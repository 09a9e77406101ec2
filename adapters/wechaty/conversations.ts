import type { Contact, Room, Wechaty } from 'wechaty';
import { WorkError } from '../../src/core/errors.js';
import { contactIdentity } from './entities.js';
import type { IdentityResolver } from './identity.js';

/**
 * Finds the live room or contact behind an id the bot holds: a stable id seen in this login
 * session, else one from an earlier session (found by resolving every room or contact once),
 * else a topic, alias or name as a user would write it in the config.
 */
export class Conversations {
  constructor(
    private readonly bot: Wechaty,
    private readonly identities: IdentityResolver,
  ) {}

  async room(groupId: string): Promise<Room> {
    let puppetId = this.identities.puppetIdOf(groupId);
    if (!puppetId) {
      const rooms = await this.bot.Room.findAll();
      await Promise.all(rooms.map(async (r) => this.identities.resolve('room', r.id, await r.topic())));
      puppetId = this.identities.puppetIdOf(groupId);
    }
    const room = await this.bot.Room.find(puppetId ? { id: puppetId } : { topic: groupId });
    if (!room) throw new WorkError(`wechaty: no room "${groupId}" in this WeChat account`);
    return room;
  }

  async contact(userId: string): Promise<Contact> {
    let puppetId = this.identities.puppetIdOf(userId);
    if (!puppetId) {
      const contacts = await this.bot.Contact.findAll();
      await Promise.all(contacts.map((c) => contactIdentity(this.identities, c)));
      puppetId = this.identities.puppetIdOf(userId);
    }
    const contact = puppetId
      ? await this.bot.Contact.find({ id: puppetId })
      : ((await this.bot.Contact.find({ alias: userId })) ?? (await this.bot.Contact.find({ name: userId })));
    if (!contact) throw new WorkError(`wechaty: no contact "${userId}" in this WeChat account`);
    return contact;
  }
}
