import { Client, EventDispatcher, LoggerLevel, WSClient } from '@larksuiteoapi/node-sdk';
import type { Adapter, MessageChanges } from '../../src/core/adapter.js';
import { API_TIMEOUT_MS, stopWaitMs } from '../common/api-timeout.js';
import { BurstLog } from '../common/burst-log.js';
import { settledWithin } from '../common/settled-within.js';
import type { ChatMessage } from '../../src/core/chat-message.js';
import { oneLine, WorkError } from '../../src/core/errors.js';
import { MessageWork } from '../common/message-work.js';
import { apiCall } from './api-call.js';
import { FeishuChats } from './chats.js';
import { fromReceiveEvent, PLATFORM, type MessageReceiveEvent, type RecalledEvent } from './map-event.js';
import { lookUpMessage } from './message-lookup.js';
import { sdkLogger } from './sdk-logger.js';
import { timedHttp } from './timed-http.js';
import type { FeishuSettings } from './settings.js';

export { feishuSettings, type FeishuSettings } from './settings.js';
export type { Coverage, FeishuGroup } from './map-event.js';

export interface FeishuDeps {
  /** Where warnings go, one line each; stderr by default. */
  log?: (line: string) => void;
  /** How long chat names, sizes and members are trusted; 10 minutes by default. */
  cacheTtlMs?: number;
  /** How long one open API request may take; API_TIMEOUT_MS by default. */
  apiTimeoutMs?: number;
  /**
   * Starts delivering events to the dispatcher; by default the SDK's long connection (WSClient),
   * resolving once it is connected. Tests hand events to the dispatcher themselves.
   */
  connect?: (dispatcher: EventDispatcher) => Promise<void>;
}

/**
 * Feishu/Lark bot: im.message.receive_v1 over the long connection in; answers by im.message.reply
 * (or create) out. Without im:message.group_msg a group shows the bot only its @-mentions.
 */
export function createFeishuAdapter(settings: FeishuSettings, deps: FeishuDeps = {}): Adapter {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const logger = sdkLogger(log);
  const sdk = { appId: settings.appId, appSecret: settings.appSecret, domain: settings.apiUrl, logger, loggerLevel: LoggerLevel.warn };
  const apiTimeoutMs = deps.apiTimeoutMs ?? API_TIMEOUT_MS;
  // A chat lookup that times out fails: its message is kept without the details, and the cache drops it.
  const client = new Client({ ...sdk, httpInstance: timedHttp(apiTimeoutMs) });
  const chats = new FeishuChats(client, deps.cacheTtlMs ?? 10 * 60_000);
  const coverage = settings.groupMessages ? 'full' : 'mentions-only';
  const work = new MessageWork();
  const failures = new BurstLog((line) => log(`feishu: ${line}`), 'messages failed');
  let ws: WSClient | undefined;
  /** The bot's own open id, known once started. */
  let selfOpenId: string | undefined;

  /** Adds the chat's name, size and members; a failed lookup is logged and the message goes on without them. */
  const enrich = async (msg: ChatMessage): Promise<ChatMessage> => {
    if (!msg.group) return msg;
    try {
      const chat = await chats.get(msg.group.id);
      return {
        ...msg,
        group: { ...msg.group, name: chat.name, memberCount: chat.memberCount, members: chat.members },
        senderIsAdmin: chat.ownerId === msg.sender.id,
      };
    } catch (err) {
      log(`feishu: no details for chat ${msg.group.id} (${oneLine(err)}); message ${msg.id} kept without a member count`);
      return msg;
    }
  };

  /**
   * Settles once the bot is done with the message (its work resolves when the record is committed):
   * the SDK's long connection answers the event only then, code 200, or 500 when this rejects, and
   * Feishu pushes again an event that failed or was not answered within 3 s.
   */
  const receive = async (event: MessageReceiveEvent, self: string, onMessage: (msg: ChatMessage) => Promise<void>): Promise<void> => {
    let msg: ChatMessage | null;
    try {
      msg = fromReceiveEvent(event, self, coverage);
    } catch (err) {
      // Answered as done: it would be no more readable the next time.
      log(`feishu: event ${event.event_id ?? '(no id)'} skipped: ${oneLine(err)}`);
      return;
    }
    if (!msg) return;
    const received = msg;
    await work.run(received.id, () =>
      enrich(received)
        .then(onMessage)
        .catch((err: unknown) => {
          failures.report(`message ${received.id} failed, answered as failed so Feishu pushes it again: ${oneLine(err)}`);
          throw err;
        }),
    );
  };

  /**
   * A recall (撤回), by its sender or an admin: the message removed. Answered as a message is, once the
   * removal is committed, or 500 when it failed, for Feishu to push it again; a repeat is worked on once.
   */
  const recalled = async (event: RecalledEvent, changes: MessageChanges): Promise<void> => {
    const id = event.message_id;
    if (typeof id !== 'string' || id === '') {
      log(`feishu: event ${event.event_id ?? '(no id)'} skipped: im.message.recalled_v1 event without a message_id`);
      return;
    }
    await work.run(`recalled:${id}`, () =>
      changes.removed(id).catch((err: unknown) => {
        failures.report(`recall of message ${id} failed, answered as failed so Feishu pushes it again: ${oneLine(err)}`);
        throw err;
      }),
    );
  };

  const connectLongConnection = (dispatcher: EventDispatcher) =>
    new Promise<void>((resolve, reject) => {
      ws = new WSClient({ ...sdk, onReady: resolve, onError: (err) => reject(new WorkError(`feishu: long connection failed: ${oneLine(err)}`)) });
      void ws.start({ eventDispatcher: dispatcher });
    });

  const text = (t: string) => JSON.stringify({ text: t });

  const send = async (what: string, call: () => Promise<{ code?: number; msg?: string }>): Promise<void> => {
    await apiCall(what, call).catch((err: unknown) => {
      throw new WorkError(`feishu: cannot send (${oneLine(err)})`);
    });
  };

  return {
    platform: PLATFORM,

    async start(onMessage, changes) {
      // The bot's own open id tells mentions of it apart; the call also proves the credentials.
      const info = await apiCall('bot/v3/info', () =>
        client.request<{ code?: number; msg?: string; bot?: { open_id?: string } }>({ url: '/open-apis/bot/v3/info', method: 'GET' }),
      ).catch((err: unknown) => {
        throw new WorkError(`feishu: cannot identify the bot, check adapters.feishu.appId/appSecret and that the app has the bot feature: ${oneLine(err)}`);
      });
      const self = info.bot?.open_id;
      if (!self) throw new WorkError('feishu: bot/v3/info gave no open_id: enable the bot feature of the app');
      selfOpenId = self;
      const dispatcher = new EventDispatcher({ logger, loggerLevel: LoggerLevel.warn }).register({
        'im.message.receive_v1': (event) => receive(event as MessageReceiveEvent, self, onMessage),
        ...(changes && { 'im.message.recalled_v1': (event: RecalledEvent) => recalled(event, changes) }),
      });
      await (deps.connect ?? connectLongConnection)(dispatcher);
    },

    async messageOf(messageId) {
      return selfOpenId === undefined ? undefined : lookUpMessage(client, messageId, selfOpenId, log);
    },

    async startSending() {
      // Nothing to open: the API client fetches its tenant token on first use; no long connection.
    },

    async sendToGroup(groupId, out, opts) {
      // Text only: a chart would need an image upload (im:resource); the text carries the figures.
      const content = text(out.text);
      if (opts?.replyTo) {
        const messageId = opts.replyTo;
        return send(`im.message.reply ${messageId}`, () =>
          client.im.v1.message.reply({ path: { message_id: messageId }, data: { msg_type: 'text', content } }),
        );
      }
      return send(`im.message.create chat ${groupId}`, () =>
        client.im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: groupId, msg_type: 'text', content } }),
      );
    },

    sendPrivate(userId, out) {
      // Feishu has no message only one member of a group sees: private answers go one-to-one.
      return send(`im.message.create user ${userId}`, () =>
        client.im.v1.message.create({ params: { receive_id_type: 'open_id' }, data: { receive_id: userId, msg_type: 'text', content: text(out.text) } }),
      );
    },

    async groupMembers(groupId) {
      return (await chats.get(groupId)).members;
    },

    async isGroupAdmin(groupId, userId) {
      return (await chats.get(groupId)).ownerId === userId;
    },

    async stop() {
      ws?.close({ force: true });
      ws = undefined;
      // Bounded: each call has its time limit, but a message may make several, and a SIGTERM must end the bot.
      const waitMs = stopWaitMs(apiTimeoutMs);
      if (!(await settledWithin(work.idle(), waitMs)))
        log(`feishu: stopped after ${waitMs / 1000} s with messages still waiting on the open API; Feishu pushes them again`);
      failures.flush();
    },
  };
}
