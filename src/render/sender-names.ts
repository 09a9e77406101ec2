import { isAnonymousId } from '../core/anonymous-id.js';
import type { Pseudonyms } from '../core/pseudonyms.js';

interface Sender {
  id: string;
  name: string;
  platform: string;
}

/** What of each sender, id or name, is also another platform's: those rows say which platform is theirs. */
function onSeveralPlatforms(senders: readonly Sender[]): (s: Sender) => boolean {
  const platforms = { id: new Map<string, Set<string>>(), name: new Map<string, Set<string>>() };
  const add = (of: Map<string, Set<string>>, key: string, platform: string): void => {
    if (!of.has(key)) of.set(key, new Set());
    of.get(key)!.add(platform);
  };
  for (const s of senders) {
    add(platforms.id, s.id, s.platform);
    // A hidden sender's pseudonym is theirs alone.
    if (!isAnonymousId(s.id)) add(platforms.name, s.name, s.platform);
  }
  const several = (of: Map<string, Set<string>>, key: string): boolean => (of.get(key)?.size ?? 0) > 1;
  return (s) => several(platforms.id, s.id) || (!isAnonymousId(s.id) && several(platforms.name, s.name));
}

/**
 * How a report names senders: by name, but one who opted out or was forgotten is stored under an
 * anonymous id that says nothing to a reader, and is shown as a member pseudonym in the report's
 * language (成员1, Member 1), as the digest and the evidence file show hidden people, the same one
 * throughout, numbered after those `pseudonyms` gave already (a hidden name in a group's name). A
 * name or id that `senders` holds on two platforms, two people, is shown with its platform (`onPlatform`).
 */
export function senderNamer(pseudonyms: Pseudonyms, senders: readonly Sender[], onPlatform: (name: string, platform: string) => string): (s: Sender) => string {
  const ambiguous = onSeveralPlatforms(senders);
  return (s) => {
    const name = isAnonymousId(s.id) ? pseudonyms.label(s.id) : s.name;
    return ambiguous(s) ? onPlatform(name, s.platform) : name;
  };
}
