/**
 * How long one call to a platform's API may take before it counts as failed: a server that takes
 * a request and never answers must not hold a message, a lookup or a stop for ever.
 */
export const API_TIMEOUT_MS = 15_000;

/**
 * How long stop() waits for the work under way: time for a call that stalled to time out and for
 * the work after it. Work still under way then is given up: its event was not acknowledged, so the
 * platform delivers it again, and the store finishes the writes it has begun before it closes.
 */
export function stopWaitMs(apiTimeoutMs: number): number {
  return 2 * apiTimeoutMs;
}
