import { isAnonymousId } from '../core/anonymous-id.js';
import { Pseudonyms } from '../core/pseudonyms.js';

/**
 * How a report names senders: by name, but one who opted out or was forgotten is stored under an
 * anonymous id that says nothing to a reader, and is shown as a member pseudonym in the report's
 * language (成员1, Member 1), as the digest and the evidence file show hidden people, the same one throughout.
 */
export function senderNamer(prefix: string): (id: string, name: string) => string {
  const hidden = new Pseudonyms([], prefix);
  return (id, name) => (isAnonymousId(id) ? hidden.label(id) : name);
}
