export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; each later wait doubles. */
  backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, backoffMs: 2000 };

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send` until it succeeds or the tries run out, waiting backoff, 2×backoff, ... between them;
 * `onRetry` hears each failure that will be retried. Throws the last error.
 */
export async function withRetry(
  send: () => Promise<void>,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void>,
  onRetry: (err: unknown, attempt: number, waitMs: number) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= policy.attempts) throw err;
      const wait = policy.backoffMs * 2 ** (attempt - 1);
      onRetry(err, attempt, wait);
      await sleep(wait);
    }
  }
}
