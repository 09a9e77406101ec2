import type { App } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Adapter, Outgoing } from '../../src/core/adapter.js';
import { API_TIMEOUT_MS, stopWaitMs } from '../common/api-timeout.js';
import { BurstLog } from '../common/burst-log.js';
import { settledWithin } from '../common/settled-within.js';
import { oneLine, WorkError } from '../../src/core/errors.js';
import { boltLogger } from './bolt-logger.js';
import { SlackDirectory } from './directory.js';
import { Inbound } from './inbound.js';
import { fromMessageEvent, fromReaction, PLATFORM, type SlackMessageEvent, type SlackReactionEvent } from './event-mapping.js';
import { lookUpMessage } from './message-lookup.js';
import { fromChangeEvent, isChangeEvent } from './message-change.js';
import { OutboundQueue } from './outbound-queue.js';
import { createBoltApp, startBoltApp } from './receiver.js';
import type { SlackSettings } from './settings.js';
import { fromSlashCommand, SLASH_COMMAND } from './slash-command.js';
import { SlashWork } from './slash-work.js';
import { createWebClient, honouringRetryAfter } from './web-client.js';

export { slackSettings, type SlackSettings } from './settings.js';

export interface SlackDeps {
  /** Where warnings go, one line each; stderr by default. */
  log?: (line: string) => void;
  /** How long member lists and profiles are trusted; 10 minutes by default. */
  cacheTtlMs?: number;
  /** Least time between two messages to one channel; 1000 ms by default (Slack's pace). */
  sendIntervalMs?: number;
  /** How long one Web API request may take; API_TIMEOUT_MS by default. */
  apiTimeoutMs?: number;
}

export interface SlackAdapter extends Adapter {
  /** The HTTP port listened on once started (the real one when `port` is 0); undefined in Socket Mode. */
  readonly port: number | undefined;
}

/** Slack on Bolt: events, mentions, reactions, deletions, edits and `/fingertip` in; rate-kept messages out. */
export function createSlackAdapter(settings: SlackSettings, deps: SlackDeps = {}): SlackAdapter {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const logger = boltLogger(log);
  const apiTimeoutMs = deps.apiTimeoutMs ?? API_TIMEOUT_MS;
  const client = createWebClient(settings, logger, apiTimeoutMs);
  let botUserId: string | undefined;
  const directory = new SlackDirectory(client, settings.admins, deps.cacheTtlMs ?? 10 * 60_000, () => botUserId);
  const queue = new OutboundQueue(deps.sendIntervalMs ?? 1000, (lane, seconds) => log(`slack: rate limited sending to ${lane}; retrying after ${seconds} s`));
  const slackLine = (line: string) => log(`slack: ${line}`);
  const failures = new BurstLog(slackLine, 'events failed');
  const lookupFailures = new BurstLog(slackLine, 'lookups failed');
  const inbound = new Inbound(directory, log, failures, lookupFailures);
  /** The Bolt app once it is receiving; a start that failed leaves nothing to stop. */
  let started: App | undefined;
  /** The slash commands' answers once started, and the erasures they still retry. */
  let slash: SlashWork | undefined;
  /** The HTTP receiver's server; undefined in Socket Mode. */
  let server: Server | undefined;
  let port: number | undefined;

  const post = (channel: string, text: string, threadTs?: string) =>
    queue
      .push(channel, () => client.chat.postMessage({ channel, text, thread_ts: threadTs }))
      .catch((err: unknown) => {
        throw new WorkError(`slack: cannot post to ${channel}: ${oneLine(err)}`);
      });

  /**
   * The chart, when there is one, as a file upload with the text as its comment (one message, in
   * the channel's lane like any post, 429s waited out). An upload Slack refuses (no files:write,
   * files disabled) must not cost the reader the text: it then goes alone, and the log says why.
   */
  const deliver = async (channel: string, out: Outgoing, threadTs?: string): Promise<void> => {
    const image = out.image;
    if (image) {
      const upload = { channel_id: channel, file: image.png, filename: `${image.title}.png`, title: image.title, initial_comment: out.text };
      try {
        await queue.push(channel, () => client.files.uploadV2(threadTs ? { ...upload, thread_ts: threadTs } : upload));
        return;
      } catch (err) {
        log(`slack: chart "${image.title}" not uploaded to ${channel} (${oneLine(err)}); posting the text alone`);
      }
    }
    await post(channel, out.text, threadTs);
  };

  const sendDirect = async (userId: string, out: Outgoing): Promise<void> => {
    const opened = await honouringRetryAfter(() => client.conversations.open({ users: userId })).catch((err: unknown) => {
      throw new WorkError(`slack: cannot open a DM with ${userId}: ${oneLine(err)}`);
    });
    const channel = opened.channel?.id;
    if (!channel) throw new WorkError(`slack: conversations.open gave no channel for ${userId}`);
    await deliver(channel, out);
  };

  const sendPrivate: Adapter['sendPrivate'] = async (userId, out, opts) => {
    // An ephemeral message cannot carry a file: an answer with a chart goes by DM.
    if (opts?.groupId && !opts.groupId.startsWith('D') && !out.image) {
      const channel = opts.groupId;
      try {
        await queue.push(channel, () => client.chat.postEphemeral({ channel, user: userId, text: out.text }));
        return;
      } catch (err) {
        // Not in the channel (or the bot is not): the answer goes by DM instead.
        log(`slack: no ephemeral answer to ${userId} in ${channel} (${oneLine(err)}); sending a DM`);
      }
    }
    await sendDirect(userId, out);
  };

  /** Proves the token and learns the bot's own ids. */
  const authenticate = async (): Promise<{ self: string; botId: string | undefined }> => {
    const auth = await honouringRetryAfter(() => client.auth.test()).catch((err: unknown) => {
      throw new WorkError(`slack: auth.test failed, check adapters.slack.token: ${oneLine(err)}`);
    });
    const self = auth.user_id;
    if (!self) throw new WorkError('slack: auth.test gave no bot user id');
    botUserId = self;
    return { self, botId: auth.bot_id };
  };

  return {
    platform: PLATFORM,
    get port() {
      return port;
    },

    async start(onMessage, changes, groupLanguage) {
      const { self, botId } = await authenticate();
      const app = createBoltApp(settings, { botUserId: self, botId }, logger, { log, failures });
      // A deletion or an edit comes as a `message` event of its own subtype.
      app.event('message', ({ event, body }) =>
        isChangeEvent(event)
          ? inbound.change(changes, body.event_id, () => fromChangeEvent(event, self))
          : inbound.receive(onMessage, body.event_id, () => fromMessageEvent(event as unknown as SlackMessageEvent, body.event_id, self)),
      );
      app.event('app_mention', ({ event, body }) =>
        inbound.receive(onMessage, body.event_id, () => fromMessageEvent(event as unknown as SlackMessageEvent, body.event_id, self)),
      );
      app.event('reaction_added', ({ event, body }) =>
        inbound.receive(onMessage, body.event_id, () => fromReaction(event as SlackReactionEvent, body.event_id)),
      );
      const commands = new SlashWork({
        run: (body, at) => inbound.receive(onMessage, body.trigger_id, () => fromSlashCommand(body, at)),
        tell: (body, text) => sendPrivate(body.user_id, { text }, { groupId: body.channel_id }),
        failures,
        groupLanguage,
      });
      slash = commands;
      app.command(SLASH_COMMAND, ({ ack, body }) => commands.answer(ack, body));
      server = await startBoltApp(app, settings);
      port = (server?.address() as AddressInfo | undefined)?.port;
      started = app;
    },

    async startSending() {
      // The Web API client alone: no HTTP receiver on the port, no Socket Mode connection.
      await authenticate();
    },

    async sendToGroup(groupId, out, opts) {
      await deliver(groupId, out, threadTs(groupId, opts?.replyTo));
    },

    sendPrivate,

    async groupMembers(groupId) {
      return (await directory.channel(groupId)).members;
    },

    async messageOf(messageId) {
      return botUserId === undefined ? undefined : lookUpMessage(client, messageId, botUserId, log);
    },

    isGroupAdmin(_groupId, userId) {
      // Slack's admins and owners are workspace-wide; there are no per-channel admins.
      return directory.isAdmin(userId);
    },

    async stop() {
      const app = started;
      started = undefined;
      // The receiver closes once the events it holds are answered, and they wait for their work.
      const finished = async () => {
        await app?.stop();
        // Erasures still retried end, their members told, before the answers go out.
        await slash?.stop();
        await inbound.settled();
        await queue.drain();
      };
      // Bounded: a Web API call that stalls is tried again for minutes, and a SIGTERM must end the bot.
      const work = finished();
      const waitMs = stopWaitMs(apiTimeoutMs);
      if (await settledWithin(work, waitMs)) await work;
      else {
        server?.closeAllConnections();
        // Events not answered while no Web API call is under way wait on the bot's store: its database.
        const events = inbound.unanswered;
        log(
          events > 0 && !queue.busy
            ? `slack: stopped after ${waitMs / 1000} s with ${events} event${events === 1 ? '' : 's'} still waiting on the store (the database not answering); Slack delivers them again`
            : `slack: stopped after ${waitMs / 1000} s with work still waiting on the Web API; Slack delivers the events not answered again`,
        );
      }
      failures.flush();
      lookupFailures.flush();
    },
  };
}

/** The thread to answer in: the ts part of a `<channel>/<ts>` message id in this channel. */
function threadTs(groupId: string, replyTo: string | undefined): string | undefined {
  const ts = replyTo?.startsWith(`${groupId}/`) ? replyTo.slice(groupId.length + 1) : undefined;
  return ts && /^\d+\.\d+$/.test(ts) ? ts : undefined;
}
