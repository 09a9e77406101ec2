import type { webApi } from '@slack/bolt';
import type { LookedUpMessage } from '../../src/core/adapter.js';
import { oneLine } from '../../src/core/errors.js';
import { fromMessageEvent, type SlackMessageEvent } from './event-mapping.js';
import { honouringRetryAfter } from './web-client.js';

/**
 * A channel message read back by its `<channel>/<ts>` id (conversations.history at exactly that ts),
 * as the bot would have read it arriving: plain text, sender and time. Undefined for what Slack does
 * not return there (a deleted message, a thread reply, a channel the bot is not in), for a bot's or
 * system message, and for a failed call, which is logged: a member's report then says the text is gone.
 */
export async function lookUpMessage(
  client: webApi.WebClient,
  messageId: string,
  botUserId: string,
  log: (line: string) => void,
): Promise<LookedUpMessage | undefined> {
  const slash = messageId.indexOf('/');
  const channel = messageId.slice(0, slash);
  const ts = messageId.slice(slash + 1);
  if (slash < 1 || !/^\d+\.\d+$/.test(ts)) return undefined;
  try {
    const page = await honouringRetryAfter(() => client.conversations.history({ channel, latest: ts, oldest: ts, inclusive: true, limit: 1 }));
    const found = page.messages?.find((m) => m.ts === ts);
    const msg = found && fromMessageEvent({ ...(found as Omit<SlackMessageEvent, 'type' | 'channel'>), type: 'message', channel }, undefined, botUserId);
    return msg ? { text: msg.text, senderId: msg.sender.id, ts: msg.ts, ...(msg.kind && msg.kind !== 'text' && { kind: msg.kind }) } : undefined;
  } catch (err) {
    log(`slack: could not read back ${messageId} (${oneLine(err)})`);
    return undefined;
  }
}
