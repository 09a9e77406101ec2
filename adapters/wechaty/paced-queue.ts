import { WorkError } from '../../src/core/errors.js';
import type { Pace } from './settings.js';

/** Time as the queue sees it; tests pass a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  // Unref'd: a message still waiting for its turn must not keep a stopped bot's process alive.
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

interface Job {
  lane: string;
  jitterMs: number;
  send: () => Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Pending messages beyond this are refused: a backlog of hours helps nobody and looks like spam. */
export const MAX_PENDING = 200;

/**
 * Outgoing messages, one at a time, at most one per `pace.account` seconds for the account and one
 * per `pace.room` seconds per lane (a room or a person), each delayed by up to `pace.jitter` more.
 * Each lane keeps its order; across lanes the job due first goes first, so a busy room does not
 * hold up a private answer.
 */
export class PacedQueue {
  private readonly jobs: Job[] = [];
  private readonly lastInLane = new Map<string, number>();
  private lastSent = -Infinity;
  private worker: Promise<void> | null = null;
  private inFlight: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly pace: Pace,
    private readonly clock: Clock = realClock,
    private readonly random: () => number = Math.random,
  ) {}

  /** Resolves once `send` has run in its turn; rejects with its error, or if the queue is full or closed. */
  push(lane: string, send: () => Promise<void>): Promise<void> {
    if (this.closed) return Promise.reject(new WorkError('wechaty: adapter stopped, message not sent'));
    if (this.jobs.length >= MAX_PENDING) {
      return Promise.reject(new WorkError(`wechaty: ${MAX_PENDING} messages already waiting to be sent, message dropped`));
    }
    return new Promise<void>((resolve, reject) => {
      this.jobs.push({ lane, send, resolve, reject, jitterMs: this.random() * this.pace.jitter * 1000 });
      this.worker ??= this.work().finally(() => {
        this.worker = null;
      });
    });
  }

  /** Refuses what is still waiting, and resolves once the message being sent, if any, is out. */
  async close(): Promise<void> {
    this.closed = true;
    const dropped = this.jobs.splice(0);
    for (const job of dropped) job.reject(new WorkError('wechaty: adapter stopped, message not sent'));
    await this.inFlight;
  }

  private readyAt(job: Job): number {
    const laneLast = this.lastInLane.get(job.lane) ?? -Infinity;
    return Math.max(this.lastSent + this.pace.account * 1000, laneLast + this.pace.room * 1000) + job.jitterMs;
  }

  private async work(): Promise<void> {
    while (this.jobs.length > 0 && !this.closed) {
      // Among the first job of each lane (a lane keeps its order), the one due soonest.
      const heads = new Set<string>();
      let next = 0;
      for (let i = 0; i < this.jobs.length; i++) {
        if (heads.has(this.jobs[i].lane)) continue;
        heads.add(this.jobs[i].lane);
        if (this.readyAt(this.jobs[i]) < this.readyAt(this.jobs[next])) next = i;
      }
      const wait = this.readyAt(this.jobs[next]) - this.clock.now();
      if (wait > 0) {
        // Then choose again: jobs pushed meanwhile join the choice, and close() may have emptied it.
        await this.clock.sleep(wait);
        continue;
      }
      const [job] = this.jobs.splice(next, 1);
      this.inFlight = this.run(job);
      await this.inFlight;
      this.inFlight = null;
    }
  }

  private async run(job: Job): Promise<void> {
    try {
      await job.send();
      job.resolve();
    } catch (err) {
      job.reject(err);
    } finally {
      // A failed attempt counts too: WeChat saw the account try.
      this.lastSent = this.clock.now();
      this.lastInLane.set(job.lane, this.lastSent);
    }
  }
}
