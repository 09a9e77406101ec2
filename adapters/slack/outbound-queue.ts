import { honouringRetryAfter } from './web-client.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Outgoing Web API calls in one lane per channel, keeping Slack's pace of about one message a
 * second per channel. A 429 holds the lane for its Retry-After and the same call is tried again,
 * so a digest or an answer is delayed, never dropped; other errors reject that call's promise.
 */
export class OutboundQueue {
  private readonly lanes = new Map<string, Promise<unknown>>();
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly onRateLimited: (lane: string, seconds: number) => void = () => {},
  ) {}

  /** Queues `send` behind the lane's earlier calls; resolves with its result once Slack accepted it. */
  push<T>(lane: string, send: () => Promise<T>): Promise<T> {
    const previous = this.lanes.get(lane) ?? Promise.resolve();
    const result = previous.then(async () => {
      const wait = (this.lastSent.get(lane) ?? -Infinity) + this.intervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await honouringRetryAfter(send, (seconds) => this.onRateLimited(lane, seconds));
      } finally {
        this.lastSent.set(lane, Date.now());
      }
    });
    // The lane goes on after a failed call; the failure belongs to its caller alone.
    const tail = result.catch(() => {});
    this.lanes.set(lane, tail);
    void tail.then(() => {
      if (this.lanes.get(lane) === tail) this.lanes.delete(lane);
    });
    return result;
  }

  /** Whether a call is queued or under way. */
  get busy(): boolean {
    return this.lanes.size > 0;
  }

  /** Resolves once every call queued so far has been sent or has failed. */
  async drain(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all(this.lanes.values());
  }
}
