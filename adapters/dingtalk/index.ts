import { TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { Adapter, Outgoing } from '../../src/bot/adapter.js';
import type { ChatMessage } from '../../src/bot/chat-message.js';
import { oneLine, WorkError } from '../../src/util/errors.js';
import { DingtalkOpenApi } from './open-api.js';
import { RecentIds } from './recent-ids.js';
import { parseRobotCallback, PLATFORM, senderOf, toChatMessage, type RobotCallback } from './robot-message.js';
import { SessionWebhooks } from './sessions.js';
import type { DingtalkSettings } from './settings.js';
import { StreamClient } from './stream-client.js';

export { dingtalkSettings, type DingtalkSettings } from './settings.js';
export type { DingtalkGroup } from './robot-message.js';

export interface DingtalkDeps {
  /** Where warnings go, one line each; stderr by default. */
  log?: (line: string) => void;
  /** The clock that session webhooks expire by. */
  now?: () => number;
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
  const recent = new RecentIds();
  /** Senders DingTalk marked as admins (isAdmin) in their callbacks. */
  const admins = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let client: StreamClient | undefined;

  const remember = (cb: RobotCallback, msg: ChatMessage) => {
    sessions.remember(msg.group ? groupKey(msg.group.id) : userKey(msg.sender.id), cb.sessionWebhook, cb.sessionWebhookExpiredTime);
    if (cb.isAdmin) admins.add(senderOf(cb));
  };

  /**
   * Acks the frame first, so DingTalk does not redeliver it while the bot works, then hands the
   * message over; an unreadable frame or a failure downstream is logged, never thrown at the SDK.
   */
  const receive = (stream: StreamClient, frame: DWClientDownStream, onMessage: (msg: ChatMessage) => Promise<void>) => {
    const frameId = frame.headers?.messageId ?? '(no id)';
    stream.socketCallBackResponse(frameId, { status: 'SUCCESS' });
    let cb: RobotCallback;
    let msg: ChatMessage;
    try {
      cb = parseRobotCallback(frame.data, frameId);
      msg = toChatMessage(cb);
    } catch (err) {
      log(`dingtalk: frame ${frameId} skipped: ${oneLine(err)}`);
      return;
    }
    if (!recent.add(msg.id)) return;
    remember(cb, msg);
    const work = onMessage(msg)
      .catch((err: unknown) => log(`dingtalk: message ${msg.id} failed: ${oneLine(err)}`))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
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

    async isGroupAdmin(_groupId, userId) {
      return admins.has(userId);
    },

    async stop() {
      client?.disconnect();
      client = undefined;
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
