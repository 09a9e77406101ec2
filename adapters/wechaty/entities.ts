import type { Contact } from 'wechaty';
import type { IdentityResolver } from './identity.js';

/** A contact as the adapter knows it: stable id, and the names config and quotes may use. */
export interface ContactIdentity {
  id: string;
  /** Alias (备注, set by the bot's account) first when it has one, then the WeChat name. */
  names: string[];
}

/** A contact is matched across logins by its alias when it has one, else by its name. */
export async function contactIdentity(identities: IdentityResolver, contact: Contact): Promise<ContactIdentity> {
  const alias = await contact.alias();
  const names = alias ? [alias, contact.name()] : [contact.name()];
  return { id: await identities.resolve('contact', contact.id, names[0]), names };
}
