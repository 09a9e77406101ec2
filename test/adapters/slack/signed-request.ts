import { createHmac } from 'node:crypto';

/**
 * Requests to the adapter as Slack sends them: signed with the v0 scheme (HMAC-SHA256 of
 * "v0:<timestamp>:<body>" with the signing secret), events as JSON, slash commands as a form.
 */

export const SIGNING_SECRET = 'test-signing-secret';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  retryNum?: number;
  contentType?: string;
  /** The request's x-slack-request-timestamp (seconds); now by default. */
  timestamp?: number;
}

export async function sendSigned(port: number, body: string, opts: SendOptions = {}): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': opts.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(opts.secret ?? SIGNING_SECRET, timestamp, body),
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
}

let eventCounter = 0;

/** An Events API envelope around `event`, with a fresh event_id unless one is given. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++eventCounter}`): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1800000000,
    event,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
}

/** A slash command as Slack posts it: a form. */
export function slashCommandForm(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'acme',
    api_app_id: 'A1',
    command: '/fingertip',
    response_url: 'http://127.0.0.1:9/unused',
    trigger_id: `trig-${++eventCounter}`,
    ...fields,
  }).toString();
}
