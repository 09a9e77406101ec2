import { HTTPModuleFunctions, defaultBodyLimit, isRawBodyError, isValidSlackRequest, type BufferedIncomingMessage, type HTTPReceiver } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { envelopeProblem } from './envelope.js';

/** Slack's rule: a request whose timestamp is more than five minutes from the clock, either way, may be a replay. */
export const MAX_CLOCK_SKEW_S = 300;

/**
 * Checks requests to `path` for what Bolt's HTTPReceiver lets through, before it sees them: a
 * timestamp more than five minutes ahead (Bolt refuses only old ones) gets 401, and a signed body
 * that is no Slack envelope gets 400 (Bolt crashes on `null`, answers 500 to `"event": null`). Each
 * refusal is one line through `refused`. Bolt then reads the body buffered here, and checks the
 * signature and age itself.
 */
export function screenRequests(receiver: HTTPReceiver, path: string, signingSecret: string, refused: (line: string) => void): void {
  const bolt = receiver.requestListener;
  const refuse = (res: ServerResponse, status: number, why: string) => {
    refused(`slack: request refused with ${status}: ${why}`);
    res.writeHead(status).end();
  };
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || pathOf(req) !== path) return bolt(req, res);
    const ahead = Number(req.headers['x-slack-request-timestamp']) - Date.now() / 1000;
    if (ahead > MAX_CLOCK_SKEW_S) {
      return refuse(res, 401, `its timestamp is ${Math.round(ahead)} s ahead of this machine's clock (more than ${MAX_CLOCK_SKEW_S} s either way is refused)`);
    }
    HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit).then(
      (buffered) => {
        const problem = signedProblem(buffered, signingSecret);
        if (problem) refuse(res, 400, problem);
        else bolt(buffered, res);
      },
      (err: unknown) => refuse(res, isRawBodyError(err) && err.statusCode === 413 ? 413 : 400, `its body could not be read (${String(err)})`),
    );
  };
}

function pathOf(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined; // Bolt answers what it cannot route
  }
}

/** The body's problem when it has one and is signed; an unsigned or unparsable body is Bolt's to refuse (401, 400). */
function signedProblem(req: BufferedIncomingMessage, signingSecret: string): string | undefined {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return undefined;
  }
  const problem = envelopeProblem(body);
  if (!problem) return undefined;
  const signed = isValidSlackRequest({
    signingSecret,
    body: req.rawBody.toString(),
    headers: {
      'x-slack-signature': String(req.headers['x-slack-signature']),
      'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
    },
  });
  return signed ? problem : undefined;
}
