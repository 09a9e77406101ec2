import { webApi, type Logger } from '@slack/bolt';
import { API_TIMEOUT_MS } from '../common/api-timeout.js';
import type { SlackSettings } from './settings.js';

/**
 * The Web API client at `apiUrl`. Rate-limited calls are rejected rather than retried inside the
 * client, so that the adapter's own queue decides what waits: the client would pause every call.
 * Each request gives up after `timeoutMs` (the client waits for ever by default).
 */
export function createWebClient(settings: SlackSettings, logger: Logger, timeoutMs = API_TIMEOUT_MS): webApi.WebClient {
  return new webApi.WebClient(settings.token, {
    slackApiUrl: settings.apiUrl,
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
    // Five tries in five minutes, not the default ten in half an hour: the digest has its own retries,
    // and a dead Web API must not hold a channel's queue for thirty minutes. Unref'd: a stopped bot's
    // process does not stay up for the tries still to come.
    retryConfig: { ...webApi.retryPolicies.fiveRetriesInFiveMinutes, unref: true },
    logger,
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `call` until it is not rate limited, waiting each 429's Retry-After between tries. */
export async function honouringRetryAfter<T>(call: () => Promise<T>, onWait?: (seconds: number) => void): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof webApi.WebAPIRateLimitedError)) throw err;
      onWait?.(err.retryAfter);
      await sleep(err.retryAfter * 1000);
    }
  }
}
