import { setTimeout as sleep } from 'node:timers/promises';
import { WorkError, oneLine } from '../../src/core/errors.js';
import { counted } from '../../src/core/counted.js';
import { withRetry, type RetryPolicy } from '../../src/core/retry.js';
import { API_TIMEOUT_MS } from '../common/api-timeout.js';
import { settledWithin } from '../common/settled-within.js';
import type { PacedQueue } from './paced-queue.js';

export interface Resend extends RetryPolicy {
  /** A say() unanswered this long counts as failed: a stalled puppet must not hold the queue. */
  timeoutMs: number;
}

/** Three tries, 5 s then 10 s apart, each after its turn in the pace: a refusal, not a spell of tries, is what WeChat sees. */
export const DEFAULT_RESEND: Resend = { attempts: 3, backoffMs: 5_000, timeoutMs: API_TIMEOUT_MS };

/**
 * Says something in `lane` of the outbound queue, and again after a failure: WeChat never delivers a
 * message twice, so the bot cannot answer a command again on a redelivery, as it does elsewhere. Only
 * the saying is tried again, never the command. Nothing is tried again once `stopped` is aborted. A
 * failure at the last is thrown, saying how many tries were made.
 */
export async function sayRetried(queue: PacedQueue, lane: string, say: () => Promise<unknown>, resend: Resend, stopped: AbortSignal): Promise<void> {
  let tries = 0;
  const once = () => {
    tries++;
    return queue.push(lane, async () => {
      const said = say();
      if (!(await settledWithin(said, resend.timeoutMs))) throw new WorkError(`no answer from WeChat in ${resend.timeoutMs / 1000} s`);
      await said;
    });
  };
  // A wait cut short by the stop ends quietly: withRetry then tries nothing more.
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopped }).catch(() => {});
  try {
    await withRetry(once, resend, pause, () => {}, stopped);
  } catch (err) {
    throw new WorkError(`not sent after ${counted(tries, 'try', 'tries')}: ${oneLine(err)}`);
  }
}
