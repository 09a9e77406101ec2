import { TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { Adapter, Outgoing } from '../../src/core/adapter.js';
import { BurstLog } from '../common/burst-log.js';
import type { ChatMessage } from '../../src/core/chat-message.js';
import { oneLine, WorkError } from '../../src/core/errors.js';
import { DingtalkOpenApi } from './open-api.js';
import { MessageWork } from '../common/message-work.js';
import { parseRobotCallback, PLATFORM, quotedDingtalkId, senderOf, toChatMessage, type RobotCallback } from './robot-message.js';
import { SessionWebhooks } from './sessions.js';
import { KnownSenders } from './known-senders.js';
import type { IdentityStore } from '../common/identity-store.js';
import type { DingtalkSettings } from './settings.js';
import { StreamClient } from './stream-client.js';

export { dingtalkSettings, type DingtalkSettings } from './settings.js';
export type { DingtalkGroup } from './robot-message.js';

export interface DingtalkDeps {
  /** Where warnings go, one line each; stderr by default. */
  log?: (line: string) => void;
  /** The clock that session webhooks expire by. */
  now?: () => number;
  /** Where the pairs of DingTalk's sender ids and staff ids persist (the bot's store); in memory without. */
  identities?: IdentityStore;
}

/** Session webhooks are kept per conversation: a group, or the single chat with one user. */
const groupKey = (groupId: string) => `group:${groupId}`;
const userKey = (userId: string) => `user:${userId}`;

/**
 * DingTalk robot in Stream Mode: group messages that @-mention it and single chats in; answers
 * through the conversation's session webhook, or the proactive send API once that has expired.
 */
export function createDingtalkAdapter(settings: DingtalkSettings, deps: DingtalkDeps = {}): Adapter {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const api = new DingtalkOpenApi(settings, deps.now);
  const sessions = new SessionWebhooks(deps.now);
  const work = new MessageWork();
  const failures = new BurstLog((line) => log(`dingtalk: ${line}`), 'messages failed');
  /**
   * Who is an admin of which group, as `group\nsender`: DingTalk's isAdmin is the sender's right in
   * the group the callback came from, and the latest callback from that group says it (a demotion too).
   */
  const admins = new Set<string>();
  const adminKey = (groupId: string, userId: string) => `${groupId}\n${userId}`;
  const senders = new KnownSenders(deps.identities);
  let client: StreamClient | undefined;

  const remember = (cb: RobotCallback, msg: ChatMessage) => {
    sessions.remember(msg.group ? groupKey(msg.group.id) : userKey(msg.sender.id), cb.sessionWebhook, cb.sessionWebhookExpiredTime);
    if (!msg.group) return;
    const key = adminKey(msg.group.id, senderOf(cb));
    // As toChatMessage reads it: only `true` (a "false" string or a 1 would be truthy here).
    if (msg.senderIsAdmin) admins.add(key);
    else admins.delete(key);
  };

  /**
   * Acks a frame once its message is done with (the bot's work resolves when the record is
   * committed): a frame not acked is pushed again by DingTalk, so nothing acked can be lost. An
   * unreadable frame is logged and acked, as it would be no more readable the next time.
   */
  const receive = (stream: StreamClient, frame: DWClientDownStream, onMessage: (msg: ChatMessage) => Promise<void>) => {
    const frameId = frame.headers?.messageId ?? '(no id)';
    const ack = () => {
      try {
        stream.socketCallBackResponse(frameId, { status: 'SUCCESS' });
      } catch (err) {
        // The socket is being replaced: DingTalk pushes the frame again, and it is acked then.
        log(`dingtalk: frame ${frameId} not acknowledged (${oneLine(err)})`);
      }
    };
    let cb: RobotCallback;
    let msg: ChatMessage;
    try {
      cb = parseRobotCallback(frame.data, frameId);
      msg = toChatMessage(cb);
    } catch (err) {
      log(`dingtalk: frame ${frameId} skipped: ${oneLine(err)}`);
      ack();
      return;
    }
    remember(cb, msg);
    // The sender is paired before the message is handled, and a quoted sender looked up from the
    // pairs, so that a reply can name whose words it quotes; the frame is acked only after both.
    const handle = async () => {
      await senders.remember(cb.senderId, senderOf(cb));
      const quoted = msg.quoted && { ...msg.quoted, senderId: await senders.idOf(quotedDingtalkId(cb)) };
      await onMessage(quoted ? { ...msg, quoted } : msg);
    };
    const handled = work.run(msg.id, () =>
      handle().catch((err: unknown) => {
        failures.report(`message ${msg.id} failed, not acknowledged so DingTalk pushes it again: ${oneLine(err)}`);
        throw err;
      }),
    );
    // A failed message is logged above, once, however many frames carried it.
    handled.then(ack, () => undefined);
  };

  /** Through the session webhook while it lasts; a refused webhook falls back to the proactive API. */
  const deliver = async (key: string, out: Outgoing, proactive: () => Promise<void>, what: string): Promise<void> => {
    // The robot's text messages carry no image; the text says everything the chart shows.
    const webhook = sessions.usable(key);
    if (webhook) {
      try {
        return await api.postSessionWebhook(webhook, out.text);
      } catch (err) {
        log(`dingtalk: session webhook for ${what} failed (${oneLine(err)}); sending through the robot API`);
      }
    }
    await proactive().catch((err: unknown) => {
      throw new WorkError(`dingtalk: cannot send to ${what}: ${oneLine(err)}`);
    });
  };

  return {
    platform: PLATFORM,

    async start(onMessage) {
      const stream = new StreamClient(settings);
      stream.registerCallbackListener(TOPIC_ROBOT, (frame: DWClientDownStream) => receive(stream, frame, onMessage));
      try {
        await stream.getEndpoint();
        await stream._connect();
      } catch (err) {
        // Stop the SDK's own reconnecting after a start that failed.
        stream.disconnect();
        throw err instanceof WorkError ? err : new WorkError(`dingtalk: cannot open the stream: ${oneLine(err)}`);
      }
      client = stream;
    },

    async startSending() {
      // Nothing to open: with no session webhooks, sends go through the robot API, its token fetched on first use.
    },

    sendToGroup(groupId, out) {
      return deliver(groupKey(groupId), out, () => api.sendToGroup(groupId, out.text), `group ${groupId}`);
    },

    sendPrivate(userId, out) {
      // DingTalk has no answer only one member of a group sees: private answers go to the single chat.
      return deliver(userKey(userId), out, () => api.sendToUsers([userId], out.text), `user ${userId}`);
    },

    async groupMembers() {
      // A robot cannot list an ordinary group's members; DingTalk tells only who @-mentions it.
      return [];
    },

    async isGroupAdmin(groupId, userId) {
      return admins.has(adminKey(groupId, userId));
    },

    async stop() {
      client?.disconnect();
      client = undefined;
      await work.idle();
      failures.flush();
    },
  };
}
