import type { App } from '@slack/bolt';
import type { Adapter, Outgoing } from '../../src/bot/adapter.js';
import type { ChatMessage } from '../../src/bot/chat-message.js';
import { BurstLog } from '../../src/bot/burst-log.js';
import { oneLine, WorkError } from '../../src/util/errors.js';
import { boltLogger } from './bolt-logger.js';
import { SlackDirectory } from './directory.js';
import { lookUp, withDirectory } from './enrich.js';
import { fromMessageEvent, fromReaction, PLATFORM, type SlackMessageEvent, type SlackReactionEvent } from './event-mapping.js';
import { OutboundQueue } from './outbound-queue.js';
import { createBoltApp, startBoltApp } from './receiver.js';
import type { SlackSettings } from './settings.js';
import { fromSlashCommand, SLASH_COMMAND } from './slash-command.js';
import { createWebClient, honouringRetryAfter } from './web-client.js';

export { slackSettings, type SlackSettings } from './settings.js';

export interface SlackDeps {
  /** Where warnings go, one line each; stderr by default. */
  log?: (line: string) => void;
  /** How long member lists and profiles are trusted; 10 minutes by default. */
  cacheTtlMs?: number;
  /** Least time between two messages to one channel; 1000 ms by default (Slack's pace). */
  sendIntervalMs?: number;
}

export interface SlackAdapter extends Adapter {
  /** The HTTP port listened on once started (the real one when `port` is 0); undefined in Socket Mode. */
  readonly port: number | undefined;
}

/** Slack on Bolt: events, mentions, reactions and `/fingertip` in; rate-kept messages out. */
export function createSlackAdapter(settings: SlackSettings, deps: SlackDeps = {}): SlackAdapter {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const logger = boltLogger(log);
  const client = createWebClient(settings, logger);
  let botUserId: string | undefined;
  const directory = new SlackDirectory(client, settings.admins, deps.cacheTtlMs ?? 10 * 60_000, () => botUserId);
  const queue = new OutboundQueue(deps.sendIntervalMs ?? 1000, (lane, seconds) =>
    log(`slack: rate limited sending to ${lane}; retrying after ${seconds} s`),
  );
  const slackLine = (line: string) => log(`slack: ${line}`);
  const failures = new BurstLog(slackLine, 'events failed');
  const lookupFailures = new BurstLog(slackLine, 'lookups failed');
  /** Events being handled and fill-ins under way: stop() waits for them, so none writes to a closed store. */
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const done = () => inFlight.delete(work);
    work.then(done, done);
    return work;
  };
  /** The Bolt app once it is receiving; a start that failed leaves nothing to stop. */
  let started: App | undefined;
  let port: number | undefined;

  /**
   * Reads an event and hands its message over; resolves once the bot is done with it (its record
   * committed), which is when CommitFirstApp acknowledges the event, and rejects when the bot
   * failed, leaving it to Slack to deliver again. An unreadable event is logged with its id and
   * acknowledged: it would come back as unreadable. What the directory does not know yet is looked
   * up meanwhile; a lookup too slow for the ack is not waited for, and once it has come the message
   * is handed over again with what it found (the bot stores a message once, and takes the group's
   * members from it).
   */
  const receive = (onMessage: (msg: ChatMessage) => Promise<void>, eventId: string | undefined, read: () => ChatMessage | null): Promise<void> => {
    let msg: ChatMessage | null;
    try {
      msg = read();
    } catch (err) {
      log(`slack: event ${eventId ?? '(no id)'} skipped: ${oneLine(err)}`);
      return Promise.resolve();
    }
    if (!msg) return Promise.resolve();
    const draft = msg;
    return track(
      (async () => {
        const lookups = lookUp(draft, directory, lookupFailures);
        let known = withDirectory(draft, directory);
        if (known.missing > 0) {
          await settledWithin(lookups, LOOKUP_WAIT_MS);
          known = withDirectory(draft, directory);
        }
        await onMessage(known.msg).catch((err: unknown) => {
          throw new WorkError(`message ${draft.id} (event ${eventId ?? 'without an id'}) failed: ${oneLine(err)}`);
        });
        if (known.missing > 0) track(lookups.then(() => fillIn(onMessage, draft, known.missing)));
      })(),
    );
  };

  /** Hands the message over again if the lookups that were missing found something since. */
  const fillIn = async (onMessage: (msg: ChatMessage) => Promise<void>, draft: ChatMessage, missing: number): Promise<void> => {
    const filled = withDirectory(draft, directory);
    if (filled.missing >= missing) return;
    await onMessage(filled.msg).catch((err: unknown) => failures.report(`message ${draft.id} not filled in with its group and sender: ${oneLine(err)}`));
  };

  const post = (channel: string, text: string, threadTs?: string) =>
    queue.push(channel, () => client.chat.postMessage({ channel, text, thread_ts: threadTs })).catch((err: unknown) => {
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

  return {
    platform: PLATFORM,
    get port() {
      return port;
    },

    async start(onMessage) {
      const auth = await honouringRetryAfter(() => client.auth.test()).catch((err: unknown) => {
        throw new WorkError(`slack: auth.test failed, check adapters.slack.token: ${oneLine(err)}`);
      });
      const self = auth.user_id;
      if (!self) throw new WorkError('slack: auth.test gave no bot user id');
      botUserId = self;
      const app = createBoltApp(settings, { botUserId: self, botId: auth.bot_id }, logger, { log, failures });
      app.event('message', ({ event, body }) =>
        receive(onMessage, body.event_id, () => fromMessageEvent(event as unknown as SlackMessageEvent, body.event_id, self)),
      );
      app.event('app_mention', ({ event, body }) =>
        receive(onMessage, body.event_id, () => fromMessageEvent(event as unknown as SlackMessageEvent, body.event_id, self)),
      );
      app.event('reaction_added', ({ event, body }) =>
        receive(onMessage, body.event_id, () => fromReaction(event as SlackReactionEvent, body.event_id)),
      );
      app.command(SLASH_COMMAND, async ({ ack, body }) => {
        await ack();
        await receive(onMessage, body.trigger_id, () => fromSlashCommand(body, Date.now()));
      });
      port = await startBoltApp(app, settings);
      started = app;
    },

    async sendToGroup(groupId, out, opts) {
      await deliver(groupId, out, threadTs(groupId, opts?.replyTo));
    },

    async sendPrivate(userId, out, opts) {
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
    },

    async groupMembers(groupId) {
      return (await directory.channel(groupId)).members;
    },

    isGroupAdmin(_groupId, userId) {
      // Slack's admins and owners are workspace-wide; there are no per-channel admins.
      return directory.isAdmin(userId);
    },

    async stop() {
      await started?.stop();
      started = undefined;
      while (inFlight.size > 0) await Promise.allSettled(inFlight);
      await queue.drain();
      failures.flush();
      lookupFailures.flush();
    },
  };
}

/**
 * How long an event waits for lookups the directory has not made yet: a Web API that answers in
 * time (in a few hundred ms, as it mostly does) fills the message in before it is stored, one that
 * does not (rate limited, down) cannot push the ack towards Slack's 3 s.
 */
const LOOKUP_WAIT_MS = 500;

/** Resolves when `work` has settled or `ms` have passed, whichever comes first. */
function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

/** The thread to answer in: the ts part of a `<channel>/<ts>` message id in this channel. */
function threadTs(groupId: string, replyTo: string | undefined): string | undefined {
  const ts = replyTo?.startsWith(`${groupId}/`) ? replyTo.slice(groupId.length + 1) : undefined;
  return ts && /^\d+\.\d+$/.test(ts) ? ts : undefined;
}
