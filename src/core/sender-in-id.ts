/**
 * The one message id format that holds its sender: a Slack reaction's, which has no ts of its own,
 * so the reactor and emoji keep two reactions in one second apart. An opt-out or an erasure puts an
 * anonymous id in that place. No other platform's ids hold a sender (DingTalk's and Feishu's message
 * ids, WeChat's, the shell's line numbers), and they stay as they are: an id rewritten where it only
 * happened to contain the sender's id would no longer match the message when it comes again.
 */
const SLACK = 'slack';

export function slackReactionId(channel: string, eventTs: string, user: string, emoji: string): string {
  return `${channel}/${eventTs}/${user}/${emoji}`;
}

/** `id` with `replacement` in its sender's place where its platform's format holds `sender` there; else `id` itself. */
export function replaceSenderInId(platform: string, id: string, sender: string, replacement: string): string {
  if (platform !== SLACK) return id;
  // Slack's channel and user ids, ts and emoji names hold no '/'.
  const parts = id.split('/');
  if (parts.length !== 4 || parts[2] !== sender) return id;
  return slackReactionId(parts[0], parts[1], replacement, parts[3]);
}
