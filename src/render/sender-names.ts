import { isAnonymousId } from '../core/anonymous-id.js';
import type { Pseudonyms } from '../core/pseudonyms.js';

/**
 * How a report names senders: by name, but one who opted out or was forgotten is stored under an
 * anonymous id that says nothing to a reader, and is shown as a member pseudonym in the report's
 * language (成员1, Member 1), as the digest and the evidence file show hidden people, the same one
 * throughout, numbered after those `pseudonyms` gave already (a hidden name in a group's name).
 */
export function senderNamer(pseudonyms: Pseudonyms): (id: string, name: string) => string {
  return (id, name) => (isAnonymousId(id) ? pseudonyms.label(id) : name);
}
