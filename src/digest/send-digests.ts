import type { Adapter, Outgoing } from '../core/adapter.js';
import type { Config } from '../core/config.js';
import { oneLine } from '../core/errors.js';
import { buildDigest, type DigestStore } from './build-digest.js';
import type { Digest } from './digest.js';
import { digestChartPng } from './chart.js';
import { KnownPeople } from './known-people.js';
import { digestRecipients, type Recipient } from './recipients.js';
import { digestText } from './render-text.js';
import { realSleep, withRetry, type RetryPolicy } from '../core/retry.js';
import { weeksEndingWith } from './weeks.js';
import type { Store } from '../store/store.js';

/** Which supervisor got which week: the store's delivery records. */
export type DeliveryLog = Pick<Store, 'claimDelivery' | 'settleDelivery' | 'deliveries'>;

/** A digest's tries, and the wait before the second. */
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, backoffMs: 2000 };

/** How far back a returning bot catches up on weeks it missed or failed to deliver. */
export const MAX_CATCH_UP_WEEKS = 8;

export interface DigestDeps {
  config: Config;
  /** What the digests read, and who gets them (./recipients.ts). */
  store: DigestStore & Pick<Store, 'groupSupervisors'>;
  deliveries: DeliveryLog;
  /** The running adapters; a recipient's platform picks one. */
  adapters: readonly Adapter[];
  now: () => number;
  log: (line: string) => void;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
}

/** `upTo`: the newest week to send; `catchUp`: also the weeks owed before it (missed or failed). */
export interface DigestPlan {
  upTo: string;
  catchUp: boolean;
}

export interface DigestOutcome {
  sent: number;
  failed: number;
  /** Delivered, but the delivery log could not be told so: a later run may send it again. */
  unrecorded: number;
}

/**
 * The weeks a recipient is owed up to `upTo`: those after the newest one on record, and any on
 * record but not sent, within MAX_CATCH_UP_WEEKS; a new recipient is owed `upTo` alone.
 */
export async function owedWeeks(deliveries: DeliveryLog, r: Recipient, plan: DigestPlan, tz: string): Promise<string[]> {
  const rows = await deliveries.deliveries(r.platform, r.user);
  if (!plan.catchUp || rows.length === 0) return [plan.upTo];
  const latest = rows[rows.length - 1].week;
  const status = new Map(rows.map((row) => [row.week, row.status]));
  return weeksEndingWith(plan.upTo, MAX_CATCH_UP_WEEKS, tz).filter((w) => w > latest || (status.has(w) && status.get(w) !== 'sent'));
}

/** What building a digest reads: the store, and who its groups know, shared by the digests of one run. */
export type DigestReads = Pick<DigestDeps, 'config' | 'store'> & { knownPeople?: KnownPeople };

/** The digest as an adapter sends it: text always, the chart (unless `chart` is false) when there is something to chart. */
export async function digestOutgoing(deps: DigestReads, r: Recipient, week: string, chart = true): Promise<Outgoing> {
  const { digest, text } = await writtenDigest(deps, r, week);
  return chart && digest.demands > 0 ? { text, image: digestChartPng(digest) } : { text };
}

/** A recipient's digest of a week and its text, for `--print`, which says whose it is in its language. */
export async function writtenDigest(deps: DigestReads, r: Recipient, week: string): Promise<{ digest: Digest; text: string }> {
  const digest = await buildDigest(deps.config, deps.store, r, week, deps.knownPeople);
  return { digest, text: digestText(digest, deps.config.digest.thresholds) };
}

/**
 * Sends each recipient every week the plan owes them, once: a week is claimed in the delivery log
 * before sending and marked sent or failed after, retries with backoff in between. A failed week
 * stays owed and is tried again on the next run; one delivered that the log could not be told of,
 * the database out of reach through the retries, is counted apart (`unrecorded`) and said so.
 */
export async function sendDigests(deps: DigestDeps, plan: DigestPlan): Promise<DigestOutcome> {
  const { config, deliveries, log } = deps;
  const outcome: DigestOutcome = { sent: 0, failed: 0, unrecorded: 0 };
  const recipients = await digestRecipients(config, deps.store);
  const run = { ...deps, knownPeople: new KnownPeople(deps.store, recipients) };
  for (const r of recipients) {
    for (const week of await owedWeeks(deliveries, r, plan, config.timezone)) {
      if (!(await deliveries.claimDelivery(r.platform, r.user, week, deps.now()))) continue;
      const to = `${r.platform}:${r.user}`;
      const error = await deliver(run, r, week, to).then(
        () => null,
        (err: unknown) => oneLine(err),
      );
      const unsettled = await settle(deps, r, week, to, error);
      if (error === null && unsettled === null) {
        outcome.sent++;
        log(`digest: ${week} sent to ${to}`);
      } else if (error === null) {
        outcome.unrecorded++;
        log(`digest: ${week} was delivered to ${to} but could not be recorded as sent (${unsettled}): a run an hour or more later may send it again`);
      } else {
        outcome.failed++;
        log(
          unsettled === null
            ? `digest: ${week} to ${to} failed, kept for the next run: ${error}`
            : `digest: ${week} to ${to} failed (${error}) and could not be recorded (${unsettled}): a run an hour or more later tries again`,
        );
      }
    }
  }
  return outcome;
}

/** Sends a recipient's digest of a week, retrying with backoff; throws the last failure. */
async function deliver(deps: DigestDeps & DigestReads, r: Recipient, week: string, to: string): Promise<void> {
  const adapter = deps.adapters.find((a) => a.platform === r.platform);
  if (!adapter) throw new Error(`no running adapter for platform ${r.platform}`);
  const out = await digestOutgoing(deps, r, week);
  const policy = deps.retry ?? DEFAULT_RETRY;
  await withRetry(
    () => adapter.sendPrivate(r.user, out),
    policy,
    deps.sleep ?? realSleep,
    (err, attempt, wait) => deps.log(`digest: ${week} to ${to} failed (try ${attempt} of ${policy.attempts}, again in ${wait} ms): ${oneLine(err)}`),
  );
}

/**
 * Records how a claimed week's sending ended (`error` null: sent), retrying with backoff: a claim
 * left unsettled is taken over after an hour, so a delivered digest not recorded is sent again.
 * Null once recorded, else the last failure.
 */
async function settle(deps: DigestDeps, r: Recipient, week: string, to: string, error: string | null): Promise<string | null> {
  const policy = deps.retry ?? DEFAULT_RETRY;
  return withRetry(
    () => deps.deliveries.settleDelivery(r.platform, r.user, week, error, deps.now()),
    policy,
    deps.sleep ?? realSleep,
    (err, attempt, wait) =>
      deps.log(
        `digest: recording ${week} to ${to} as ${error === null ? 'sent' : 'failed'} failed (try ${attempt} of ${policy.attempts}, again in ${wait} ms): ${oneLine(err)}`,
      ),
  ).then(
    () => null,
    (err: unknown) => oneLine(err),
  );
}
