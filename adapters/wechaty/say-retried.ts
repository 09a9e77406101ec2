import { setTimeout as sleep } from 'node:timers/promises';
import { WorkError, oneLine } from '../../src/core/errors.js';
import { counted } from '../../src/core/counted.js';
import { withRetry, type RetryPolicy } from '../../src/core/retry.js';
import { API_TIMEOUT_MS } from '../common/api-timeout.js';
import { settledWithin } from '../common/settled-within.js';
import type { PacedQueue } from './paced-queue.js';

export interface Resend extends RetryPolicy {
  /** A say() unanswered this long lets the queue go on: a stalled puppet must not hold every other message. */
  timeoutMs: number;
}

/** Three tries, 5 s then 10 s apart, each after its turn in the pace: a refusal, not a spell of tries, is what WeChat sees. */
export const DEFAULT_RESEND: Resend = { attempts: 3, backoffMs: 5_000, timeoutMs: API_TIMEOUT_MS };

/** Resolves when `work` has settled (true) or `stopped` is aborted (false), whichever comes first. */
function settledUnless(work: Promise<unknown>, stopped: AbortSignal): Promise<boolean> {
  // Already stopped: only an answer already in counts (its callbacks run before any timer).
  if (stopped.aborted) return settledWithin(work, 0);
  return new Promise((resolve) => {
    const stop = () => resolve(false);
    stopped.addEventListener('abort', stop, { once: true });
    const done = () => {
      stopped.removeEventListener('abort', stop);
      resolve(true);
    };
    work.then(done, done);
  });
}

/**
 * Says something in `lane` of the outbound queue, and again after a failure: WeChat never delivers a
 * message twice, so the bot cannot answer a command again on a redelivery, as it does elsewhere. Only
 * the saying is tried again, never the command. A say() still unanswered after `timeoutMs` is waited
 * for outside the queue, and said again only if it then fails: it may still arrive, and a second one
 * would arrive twice. Nothing is tried or waited for once `stopped` is aborted. A failure at the last
 * is thrown, saying how many tries were made.
 */
export async function sayRetried(queue: PacedQueue, lane: string, say: () => Promise<unknown>, resend: Resend, stopped: AbortSignal): Promise<void> {
  let tries = 0;
  const once = async () => {
    tries++;
    let said: Promise<unknown> = Promise.resolve();
    await queue.push(lane, async () => {
      said = say();
      await settledWithin(said, resend.timeoutMs);
    });
    if (!(await settledUnless(said, stopped))) {
      throw new WorkError(`no answer from WeChat in ${resend.timeoutMs / 1000} s before the stop; it may yet arrive`);
    }
    await said;
  };
  // A wait cut short by the stop ends quietly: withRetry then tries nothing more.
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopped }).catch(() => {});
  try {
    await withRetry(once, resend, pause, () => {}, stopped);
  } catch (err) {
    throw new WorkError(`not sent after ${counted(tries, 'try', 'tries')}: ${oneLine(err)}`);
  }
}
