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

/**
 * A message's key: platform, group and id, as the ids some sources make up (an export's line or row
 * numbers) are unique only within their chat. The group's length goes first, so that a group id
 * holding NUL still makes no other pair's key.
 */
export function messageKey(platform: string, groupId: string, id: string): GroupKey {
  return `${platform}\u0000${groupId.length}\u0000${groupId}${id}` as GroupKey;
}
