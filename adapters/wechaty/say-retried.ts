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
  /** A say() unanswered this long in all is given up, not said again: one that never settles must not hold its command until the stop. */
  giveUpMs: number;
}

/**
 * Three tries, 5 s then 10 s apart, each after its turn in the pace: a refusal, not a spell of tries,
 * is what WeChat sees. A say() is given up after a minute, four times as long as any API call may take.
 */
export const DEFAULT_RESEND: Resend = { attempts: 3, backoffMs: 5_000, timeoutMs: API_TIMEOUT_MS, giveUpMs: 4 * API_TIMEOUT_MS };

/**
 * How `work` ends, whichever comes first: it settles, `ms` pass, or `stopped` is aborted. Its timer
 * goes with it, so that one left for a say() that never settles does not hold the process after a stop.
 */
function endOf(work: Promise<unknown>, ms: number, stopped: AbortSignal): Promise<'settled' | 'late' | 'stopped'> {
  // Already stopped: only an answer already in counts (its callbacks run before any timer).
  if (stopped.aborted) return settledWithin(work, 0).then((settled) => (settled ? 'settled' : 'stopped'));
  return new Promise((resolve) => {
    const end = (how: 'settled' | 'late' | 'stopped') => {
      clearTimeout(timer);
      stopped.removeEventListener('abort', stop);
      resolve(how);
    };
    const stop = () => end('stopped');
    const timer = setTimeout(() => end('late'), ms);
    stopped.addEventListener('abort', stop, { once: true });
    work.then(
      () => end('settled'),
      () => end('settled'),
    );
  });
}

/**
 * Says something in `lane` of the outbound queue, and again after a failure: WeChat never delivers a
 * message twice, so the bot cannot answer a command again on a redelivery, as it does elsewhere. Only
 * the saying is tried again, never the command. A say() still unanswered after `timeoutMs` is waited
 * for outside the queue, and said again only if it then fails: it may still arrive, and a second one
 * would arrive twice. One unanswered after `giveUpMs` is given up, and not said again for that reason.
 * Nothing is tried or waited for once `stopped` is aborted. A failure at the last is thrown, saying
 * how many tries were made.
 */
export async function sayRetried(queue: PacedQueue, lane: string, say: () => Promise<unknown>, resend: Resend, stopped: AbortSignal): Promise<void> {
  let tries = 0;
  const givenUp = new AbortController();
  const once = async () => {
    tries++;
    let said: Promise<unknown> = Promise.resolve();
    let saidAt = 0;
    await queue.push(lane, async () => {
      said = say();
      saidAt = Date.now();
      await settledWithin(said, resend.timeoutMs);
    });
    // The give-up bound runs from the say() itself, its wait in the queue not counted.
    const end = await endOf(said, resend.giveUpMs - (Date.now() - saidAt), stopped);
    if (end === 'stopped') throw new WorkError(`no answer from WeChat in ${resend.timeoutMs / 1000} s before the stop; it may yet arrive`);
    if (end === 'late') {
      givenUp.abort();
      throw new WorkError(`no answer from WeChat in ${resend.giveUpMs / 1000} s; it may yet arrive`);
    }
    await said;
  };
  // A wait cut short by the stop ends quietly: withRetry then tries nothing more.
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopped }).catch(() => {});
  try {
    await withRetry(once, resend, pause, () => {}, AbortSignal.any([stopped, givenUp.signal]));
  } catch (err) {
    throw new WorkError(`not sent after ${counted(tries, 'try', 'tries')}: ${oneLine(err)}`);
  }
}
