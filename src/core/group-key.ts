/**
 * A group's key across platforms: platform and id, built here alone, so that a Slack channel and a
 * DingTalk group of equal ids never merge. Senders and messages, also named by id within a platform,
 * are keyed the same way.
 */
export type GroupKey = string & { readonly __groupKey: unique symbol };

// NUL cannot occur in a platform's name, so no two (platform, id) pairs make the same key.
export function groupKey(platform: string, id: string): GroupKey {
  return `${platform}\u0000${id}` as GroupKey;
}
