import { describe, expect, it } from 'vitest';
import { createDingtalkAdapter } from '../../adapters/dingtalk/index.js';
import { openStore } from '../../src/analysis/open-store.js';
import type { Adapter, Outgoing } from '../../src/core/adapter.js';
import type { Config } from '../../src/core/config.js';
import { sendDigests, type DigestDeps } from '../../src/digest/send-digests.js';
import type { Store } from '../../src/store/store.js';
import { CapturingAdapter } from './capturing-adapter.js';
import { NOW, digestStore, seedWeek } from './fixture.js';
import { startDingtalkStub } from '../adapters/dingtalk/dingtalk-stub.js';
import { holdWriteLock, type WriteLock } from '../support/sqlite-file.js';

/** A run's dependencies, its delivery records those of the store. */
async function deps(config: Config, store: Store, adapter: Adapter, lines: string[] = [], sleeps: number[] = []): Promise<DigestDeps> {
  return {
    config,
    store,
    deliveries: store,
    adapters: [adapter],
    now: () => NOW,
    log: (l) => lines.push(l),
    retry: { attempts: 3, backoffMs: 1000 },
    sleep: async (ms) => void sleeps.push(ms),
  };
}

/** Takes the SQLite file's write lock right after each delivery, as a database going down then would. */
class LockingAdapter extends CapturingAdapter {
  locks: WriteLock[] = [];

  constructor(private readonly path: string) {
    super();
  }

  override async sendPrivate(userId: string, out: Outgoing): Promise<void> {
    await super.sendPrivate(userId, out);
    this.locks.push(await holdWriteLock(this.path));
  }

  async release(): Promise<void> {
    for (const lock of this.locks.splice(0)) await lock.release();
  }
}

const supervised = (c: Config) => (c.digest.supervisors = [{ platform: 'test', user: 'boss', lang: 'en' }]);

describe('sendDigests', () => {
  it('sends each week once: a second run (a restart) sends nothing again', async () => {
    const { config, store } = await digestStore(supervised);
    await seedWeek(store);
    const adapter = new CapturingAdapter();
    expect(await sendDigests(await deps(config, store, adapter), { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 1, failed: 0, unrecorded: 0 });
    expect(adapter.outs[0].user).toBe('boss');
    expect(adapter.outs[0].out.text.split('\n')[0]).toBe('Fingertip digest 2026-W47 (2026-11-16 to 2026-11-22)');
    expect(adapter.outs[0].out.image?.png.subarray(1, 4).toString()).toBe('PNG');
    expect(await sendDigests(await deps(config, store, adapter), { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 0, failed: 0, unrecorded: 0 });
    expect(adapter.outs).toHaveLength(1);
  });

  it('catches up on the weeks missed while down, oldest first', async () => {
    const { config, store } = await digestStore(supervised);
    await seedWeek(store);
    const adapter = new CapturingAdapter();
    await sendDigests(await deps(config, store, adapter), { upTo: '2026-W44', catchUp: true });
    await sendDigests(await deps(config, store, adapter), { upTo: '2026-W47', catchUp: true });
    expect(adapter.weeks()).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
  });

  it('records an empty week and says "nothing flagged", without a chart', async () => {
    const { config, store } = await digestStore(supervised);
    const adapter = new CapturingAdapter();
    const d = await deps(config, store, adapter);
    await sendDigests(d, { upTo: '2026-W47', catchUp: true });
    expect(adapter.outs[0].out).toEqual({ text: 'Fingertip digest 2026-W47 (2026-11-16 to 2026-11-22)\nNothing flagged this week.' });
    expect((await d.deliveries.deliveries('test', 'boss')).map((r) => [r.week, r.status])).toEqual([['2026-W47', 'sent']]);
  });

  it('retries a failed delivery with backoff, logging each failure', async () => {
    const { config, store } = await digestStore(supervised);
    const adapter = new CapturingAdapter(2);
    const lines: string[] = [];
    const sleeps: number[] = [];
    expect(await sendDigests(await deps(config, store, adapter, lines, sleeps), { upTo: '2026-W47', catchUp: true })).toEqual({
      sent: 1,
      failed: 0,
      unrecorded: 0,
    });
    expect(sleeps).toEqual([1000, 2000]);
    expect(adapter.tries).toBe(3);
    expect(lines.filter((l) => l.includes('platform unavailable'))).toHaveLength(2);
  });

  it('keeps a delivery that finally failed and sends it on the next run', async () => {
    const { config, store } = await digestStore(supervised);
    const adapter = new CapturingAdapter(3);
    const first = await deps(config, store, adapter);
    expect(await sendDigests(first, { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 0, failed: 1, unrecorded: 0 });
    const [row] = await first.deliveries.deliveries('test', 'boss');
    expect([row.status, row.error]).toEqual(['failed', 'platform unavailable (503)']);
    expect(await sendDigests(await deps(config, store, adapter), { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 1, failed: 0, unrecorded: 0 });
    const [after] = await first.deliveries.deliveries('test', 'boss');
    expect([after.status, after.attempts]).toEqual(['sent', 2]);
  });

  it('records a supervisor on a platform with no running adapter as failed', async () => {
    const { config, store } = await digestStore((c) => (c.digest.supervisors = [{ platform: 'slack', user: 'U0SUPER' }]));
    const d = await deps(config, store, new CapturingAdapter());
    expect(await sendDigests(d, { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 0, failed: 1, unrecorded: 0 });
    expect((await d.deliveries.deliveries('slack', 'U0SUPER'))[0].error).toBe('no running adapter for platform slack');
  });

  it('keeps for the next run a digest DingTalk answered 200 to without reaching the supervisor', async () => {
    const { config, store } = await digestStore((c) => (c.digest.supervisors = [{ platform: 'dingtalk', user: 'manager0101' }]));
    const stub = await startDingtalkStub();
    try {
      const adapter = createDingtalkAdapter({ clientId: 'ding-client', clientSecret: 'secret', robotCode: 'ding-robot', apiUrl: stub.url }, { log: () => {} });
      const limited = { processQueryKey: 'q1', invalidStaffIdList: [], flowControlledStaffIdList: ['manager0101'] };
      for (let i = 0; i < 3; i++) stub.replyOnce('/v1.0/robot/oToMessages/batchSend', { body: limited });
      const first = await deps(config, store, adapter);
      expect(await sendDigests(first, { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 0, failed: 1, unrecorded: 0 });
      const [row] = await first.deliveries.deliveries('dingtalk', 'manager0101');
      expect([row.status, row.error]).toEqual([
        'failed',
        "dingtalk: cannot send to user manager0101: batchSend did not reach manager0101: over DingTalk's rate limit (flowControlledStaffIdList)",
      ]);
      expect(await sendDigests(await deps(config, store, adapter), { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 1, failed: 0, unrecorded: 0 });
      expect(stub.callsTo('/v1.0/robot/oToMessages/batchSend')).toHaveLength(4);
    } finally {
      await stub.close();
    }
  });

  describe('a delivery the database cannot record at once (its file locked)', () => {
    /** The store on the seeded file, giving up on a lock after 50 ms, and an adapter that locks it after sending. */
    async function locked(lines: string[], sleeps: number[], releaseAt = Infinity) {
      const { config } = await digestStore(supervised);
      const store = await openStore(config.db, config.timezone, { busyTimeoutMs: 50 });
      const adapter = new LockingAdapter(config.db);
      const d = await deps(config, store, adapter, lines, sleeps);
      // The database comes back after `releaseAt` waits.
      d.sleep = async (ms) => {
        sleeps.push(ms);
        if (sleeps.length >= releaseAt) await adapter.release();
      };
      return { d, store, adapter };
    }

    it('records it once the database is back, and sends it no more', async () => {
      const [lines, sleeps]: [string[], number[]] = [[], []];
      const { d, store, adapter } = await locked(lines, sleeps, 2);
      try {
        expect(await sendDigests(d, { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 1, failed: 0, unrecorded: 0 });
        expect(sleeps).toEqual([1000, 2000]);
        expect(lines.at(-1)).toBe('digest: 2026-W47 sent to test:boss');
        expect((await store.deliveries('test', 'boss')).map((r) => r.status)).toEqual(['sent']);
        // Even once its claim is stale.
        d.now = () => NOW + 2 * 3_600_000;
        expect(await sendDigests(d, { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 0, failed: 0, unrecorded: 0 });
        expect(adapter.outs).toHaveLength(1);
      } finally {
        await adapter.release();
        await store.close();
      }
    });

    it('says it was delivered but not recorded when the database stays away, and records no failure', async () => {
      const [lines, sleeps]: [string[], number[]] = [[], []];
      const { d, store, adapter } = await locked(lines, sleeps);
      try {
        expect(await sendDigests(d, { upTo: '2026-W47', catchUp: true })).toEqual({ sent: 0, failed: 0, unrecorded: 1 });
        expect(sleeps).toEqual([1000, 2000]);
        expect(lines.at(-1)).toMatch(
          /^digest: 2026-W47 was delivered to test:boss but could not be recorded as sent \(.*locked.*\): a run an hour or more later may send it again$/,
        );
      } finally {
        await adapter.release();
      }
      expect((await store.deliveries('test', 'boss')).map((r) => r.status)).toEqual(['sending']);
      await store.close();
    });
  });

  it("sends a group's digest to the supervisor its admins subscribed from the chat", async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    await store.updateGroupSettings('test', 'C02', (s) => ({ ...s, supervisors: ['hrboss'] }));
    const adapter = new CapturingAdapter();
    await sendDigests(await deps(config, store, adapter), { upTo: '2026-W47', catchUp: true });
    expect(adapter.outs.map((o) => o.user)).toEqual(['hrboss']);
    expect(adapter.outs[0].out.text).toContain('hr: 2 demands, 5.7 person-hours');
    expect(adapter.outs[0].out.text).not.toContain('ops');
  });
});
