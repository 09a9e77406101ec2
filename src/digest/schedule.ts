import { oneLine } from '../core/errors.js';
import { weekRange } from '../core/time/iso-week.js';
import { DigestCron } from './fire-times.js';
import { sendDigests, type DeliveryLog, type DigestDeps } from './send-digests.js';
import { lastCompleteWeek } from './weeks.js';
import { HOUR_MS } from '../core/time/units.js';

/** After a run with failed deliveries, the next try comes this much later, not a week later. */
export const RETRY_LATER_MS = HOUR_MS;

export interface ScheduleDeps extends Omit<DigestDeps, 'deliveries' | 'now' | 'store'> {
  store: DigestDeps['store'] & DeliveryLog;
  now?: () => number;
}

export interface DigestSchedule {
  /** Stops the schedule and lets a run in progress finish (without further backoff waits). */
  stop(): Promise<void>;
  /** Resolves when the runs started so far have finished; for tests and orderly shutdown. */
  idle(): Promise<void>;
}

/**
 * The weekly digest inside `fingertip start`: fired on `digest.cron` in `timezone` (DigestCron). On
 * start it catches up at once on weeks owed (missed while down, or failed); each firing sends the
 * week just ended; failures are tried again RETRY_LATER_MS later and on every later run.
 */
export async function scheduleDigest(deps: ScheduleDeps): Promise<DigestSchedule> {
  const { config, log } = deps;
  const tz = config.timezone;
  const now = deps.now ?? Date.now;
  let stopping = false;
  let wake: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      void stopped.then(() => (clearTimeout(t), resolve()));
    });
  let retryTimer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();

  const digestCron = new DigestCron(config.digest.cron, tz, now);
  const deliveries = deps.store;

  /** The week just ended once the cron has fired since its end, else the one before it. */
  const dueWeek = (at: number): string => {
    const last = lastCompleteWeek(at, tz);
    const end = weekRange(last, tz).to;
    return digestCron.firedBetween(end - 1, at) ? last : lastCompleteWeek(end - 1, tz);
  };

  function run(): Promise<void> {
    chain = chain.then(async () => {
      if (stopping) return;
      let failed = true;
      try {
        failed = (await sendDigests({ ...deps, deliveries, now, sleep }, { upTo: dueWeek(now()), catchUp: true })).failed > 0;
      } catch (err) {
        log(`digest: run failed, trying again later: ${oneLine(err)}`);
      }
      if (failed && !stopping && !retryTimer) retryTimer = setTimeout(() => ((retryTimer = undefined), void run()), RETRY_LATER_MS);
    });
    return chain;
  }

  digestCron.start(() => void run());
  void run();
  return {
    async stop() {
      stopping = true;
      wake();
      clearTimeout(retryTimer);
      digestCron.stop();
      await chain;
    },
    idle: () => chain,
  };
}
