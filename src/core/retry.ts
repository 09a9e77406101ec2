export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; each later wait doubles. */
  backoffMs: number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send` until it succeeds or the tries run out, waiting backoff, 2×backoff, ... between them;
 * `onRetry` hears each failure that will be retried. Throws the last error. Once `stop` is aborted
 * nothing is tried again (a `sleep` that ends on it too spares the wait): what is stopping sends nothing.
 */
export async function withRetry(
  send: () => Promise<void>,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void>,
  onRetry: (err: unknown, attempt: number, waitMs: number) => void,
  stop?: AbortSignal,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= policy.attempts || stop?.aborted) throw err;
      const wait = policy.backoffMs * 2 ** (attempt - 1);
      onRetry(err, attempt, wait);
      await sleep(wait);
      if (stop?.aborted) throw err;
    }
  }
}
