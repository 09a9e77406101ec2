import { type App, HTTPReceiver, SocketModeReceiver, type Logger } from '@slack/bolt';
import type { Server } from 'node:http';
import { oneLine, WorkError } from '../../src/core/errors.js';
import type { BurstLog } from '../common/burst-log.js';
import { CommitFirstApp } from './commit-first-app.js';
import { BadEnvelope } from './envelope.js';
import { screenRequests } from './request-screen.js';
import type { SlackSettings } from './settings.js';

/** Where Slack posts events and slash commands in HTTP mode (the manifest's request URLs). */
export const EVENTS_PATH = '/slack/events';

export interface BotIdentity {
  botUserId: string;
  botId?: string;
}

export interface ReceiverLogs {
  /** One line per refused request (bad signature, timestamp or body). */
  log: (line: string) => void;
  /** Events whose message could not be stored, which Slack is to deliver again. */
  failures: BurstLog;
}

/** What processEvent threw: Bolt wraps an error that has no `code` as the `original` of its own. */
const causeOf = (error: unknown): unknown => (error as { original?: unknown }).original ?? error;

/**
 * A Bolt app on the HTTP receiver (Bolt verifies each request's signature and answers 401 to a
 * forged one; see screenRequests for what it lets through), or on Socket Mode when `appToken` is
 * set. An event is acknowledged once its message is committed (CommitFirstApp); one that failed is
 * answered 503 (HTTP) or left unacknowledged (Socket Mode), and Slack delivers it again.
 */
export function createBoltApp(settings: SlackSettings, identity: BotIdentity, logger: Logger, logs: ReceiverLogs): App {
  const clientOptions = { slackApiUrl: settings.apiUrl, rejectRateLimitedCalls: true };
  const failed = (error: unknown, answer: string) => logs.failures.report(`${oneLine(causeOf(error))}; ${answer}`);
  const receiver = settings.appToken
    ? new SocketModeReceiver({
        appToken: settings.appToken,
        logger,
        installerOptions: { clientOptions },
        processEventErrorHandler: async ({ error }) => {
          if (causeOf(error) instanceof BadEnvelope) {
            // Acked all the same: a malformed envelope would come back as malformed.
            logs.log(`slack: envelope dropped: ${oneLine(causeOf(error))}`);
            return true;
          }
          failed(error, 'not acknowledged, for Slack to deliver it again');
          return false;
        },
      })
    : new HTTPReceiver({
        signingSecret: settings.signingSecret ?? '',
        endpoints: EVENTS_PATH,
        // CommitFirstApp calls ack() once the event is stored; ack() then answers at once.
        processBeforeResponse: false,
        logger,
        processEventErrorHandler: async ({ error, response }) => {
          if (response.headersSent)
            failed(error, 'its request was answered before'); // a slash command, acked first
          else {
            failed(error, 'answered 503, for Slack to deliver it again');
            response.writeHead(503).end();
          }
          return true; // answered: Bolt's 3-second timer has nothing left to do
        },
        // An event is answered when its commit settles, even past Slack's 3 s (Slack retries it
        // meanwhile, and the bot counts it once); Bolt would answer 404 and log an error.
        unhandledRequestHandler: () => {},
      });
  if (receiver instanceof HTTPReceiver) screenRequests(receiver, EVENTS_PATH, settings.signingSecret ?? '', logs.log);
  const app = new CommitFirstApp({
    token: settings.token,
    // Known from our own auth.test, so Bolt does not call it again.
    botUserId: identity.botUserId,
    botId: identity.botId,
    receiver,
    logger,
    clientOptions,
    convoStore: false,
  });
  // Failures go back to the receiver's handler above, which logs them by the burst: Bolt's default
  // handler would log each with its stack.
  app.error(async (error) => {
    throw error;
  });
  return app;
}

/** Starts receiving; in HTTP mode resolves with the server (its port is useful when `port` is 0). */
export async function startBoltApp(app: App, settings: SlackSettings): Promise<Server | undefined> {
  try {
    if (settings.appToken) {
      await app.start();
      return undefined;
    }
    return (await app.start(settings.port)) as Server;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw new WorkError(`slack: cannot start ${settings.appToken ? 'Socket Mode' : `the HTTP receiver on port ${settings.port}`} (${why})`);
  }
}
