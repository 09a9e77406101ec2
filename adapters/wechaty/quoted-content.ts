import { createHash } from 'node:crypto';
import type { Contact, Room } from 'wechaty';
import type { QuotedContent } from '../../src/core/chat-message.js';
import { contactIdentity } from './entities.js';
import type { IdentityResolver } from './identity.js';
import { QUOTED_LABELS, type Quote } from './quote.js';

const LABELS = new Set(Object.values(QUOTED_LABELS));

/**
 * What a quote of a message the adapter never read shows, when exactly one member of the room goes
 * by the quoted name (group alias, WeChat name or the bot's remark): the quote's text is then the
 * message's as its sender wrote it. None for a name that fits no one or several (the text is not
 * known to be theirs), for the bot's own messages, and for a label standing in for an image or video.
 * The id is made of room, sender and text, so the same message quoted twice is one message.
 */
export async function quotedContent(
  room: Room,
  groupId: string,
  quote: Quote,
  self: Contact,
  identities: IdentityResolver,
): Promise<QuotedContent | undefined> {
  if (LABELS.has(quote.quotedText) || quote.quotedText.trim() === '') return undefined;
  let found: Contact[];
  try {
    found = await room.memberAll(quote.quotedName);
  } catch {
    // A puppet that cannot search members: the quote stays unidentified.
    return undefined;
  }
  if (found.length !== 1 || found[0].id === self.id) return undefined;
  const senderId = (await contactIdentity(identities, found[0])).id;
  const digest = createHash('sha256').update(groupId).update('\n').update(senderId).update('\n').update(quote.quotedText).digest('hex');
  return { id: `quote-${digest.slice(0, 24)}`, text: quote.quotedText, senderId };
}
