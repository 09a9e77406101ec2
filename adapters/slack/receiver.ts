import { App, HTTPReceiver, SocketModeReceiver, type Logger } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WorkError } from '../../src/util/errors.js';
import type { SlackSettings } from './settings.js';

/** Where Slack posts events and slash commands in HTTP mode (the manifest's request URLs). */
export const EVENTS_PATH = '/slack/events';

export interface BotIdentity {
  botUserId: string;
  botId?: string;
}

/**
 * A Bolt app on the HTTP receiver (Bolt verifies each request's signature and answers 401 to a
 * forged one), or on Socket Mode when `appToken` is set. Requests are acknowledged before the
 * listeners' work (processBeforeResponse false): Slack redelivers an event not acked within 3 s.
 */
export function createBoltApp(settings: SlackSettings, identity: BotIdentity, logger: Logger): App {
  const clientOptions = { slackApiUrl: settings.apiUrl, rejectRateLimitedCalls: true };
  const receiver = settings.appToken
    ? new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions } })
    : new HTTPReceiver({
        signingSecret: settings.signingSecret ?? '',
        endpoints: EVENTS_PATH,
        processBeforeResponse: false,
        logger,
      });
  return new App({
    token: settings.token,
    // Known from our own auth.test, so Bolt does not call it again.
    botUserId: identity.botUserId,
    botId: identity.botId,
    receiver,
    logger,
    clientOptions,
    convoStore: false,
  });
}

/** Starts receiving; in HTTP mode resolves with the port listened on (useful when `port` is 0). */
export async function startBoltApp(app: App, settings: SlackSettings): Promise<number | undefined> {
  try {
    if (settings.appToken) {
      await app.start();
      return undefined;
    }
    const server = (await app.start(settings.port)) as Server;
    return (server.address() as AddressInfo).port;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw new WorkError(`slack: cannot start ${settings.appToken ? 'Socket Mode' : `the HTTP receiver on port ${settings.port}`} (${why})`);
  }
}
