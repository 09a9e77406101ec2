import { afterEach, describe, expect, it, vi } from 'vitest';
import { DigestCron } from '../../src/digest/fire-times.js';
import { scheduleDigest, type DigestSchedule } from '../../src/digest/schedule.js';
import { CapturingAdapter } from './capturing-adapter.js';
import { digestStore } from './fixture.js';

const running: DigestSchedule[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  vi.useRealTimers();
});

// New York leaves daylight time on Sunday 2026-11-01: Monday 09:00 is 13:00Z before, 14:00Z after.
const NY = 'America/New_York';
const START = Date.parse('2026-10-20T16:00:00Z'); // Tuesday 12:00 EDT
const FIRES = ['2026-10-26T13:00:00Z', '2026-11-02T14:00:00Z', '2026-11-09T14:00:00Z'].map(Date.parse);

async function nyBot(cron?: string) {
  const { config, store } = await digestStore((c) => {
    c.timezone = NY;
    if (cron) c.digest.cron = cron;
    c.digest.supervisors = [{ platform: 'test', user: 'boss', lang: 'en' }];
  });
  const adapter = new CapturingAdapter();
  const start = async () => {
    const s = await scheduleDigest({ config, store, adapters: [adapter], log: () => {} });
    running.push(s);
    await s.idle();
    return s;
  };
  return { adapter, start };
}

/** Moves the fake clock to `at`, firing whatever falls due, and waits for the digest runs. */
async function advanceTo(at: number, s: DigestSchedule): Promise<void> {
  await vi.advanceTimersByTimeAsync(at - Date.now());
  await s.idle();
}

describe('scheduleDigest', () => {
  it('fires at 09:00 New York time every Monday across the DST change, on a fixed clock', async () => {
    vi.useFakeTimers({ now: START, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { adapter, start } = await nyBot();
    const s = await start();
    // At start it sends the week whose Monday run has passed (2026-W42), then one week per firing.
    expect(adapter.outs.map((o) => [o.at, adapter.weeks()[0]])).toEqual([[START, '2026-W42']]);
    for (const fire of FIRES) {
      await advanceTo(fire - 1000, s);
      const before = adapter.outs.length;
      await advanceTo(fire, s);
      expect(adapter.outs.length).toBe(before + 1);
    }
    expect(adapter.outs.map((o) => o.at)).toEqual([START, ...FIRES]);
    expect(adapter.weeks()).toEqual(['2026-W42', '2026-W43', '2026-W44', '2026-W45']);
  });

  it('does not resend after a restart, and sends the weeks missed while down on coming back', async () => {
    vi.useFakeTimers({ now: START, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { adapter, start } = await nyBot();
    await (await start()).stop();
    running.pop();
    await start();
    expect(adapter.weeks()).toEqual(['2026-W42']);
    await running.pop()!.stop();
    vi.setSystemTime(Date.parse('2026-11-10T15:00:00Z')); // down for three Monday runs
    await start();
    expect(adapter.weeks()).toEqual(['2026-W42', '2026-W43', '2026-W44', '2026-W45']);
  });

  it('sends the week just ended right after the clock skips the time of its run, not a week late', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-07T17:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] }); // Saturday 12:00 EST
    const { adapter, start } = await nyBot('30 2 * * 0');
    const s = await start();
    expect(adapter.weeks()).toEqual(['2026-W08']);
    // Sunday 02:30 does not exist on 2026-03-08: the clock jumps from 02:00 EST to 03:00 EDT (07:00Z).
    await advanceTo(Date.parse('2026-03-08T07:00:00Z'), s);
    expect(adapter.outs.map((o) => o.at)).toEqual([Date.parse('2026-03-07T17:00:00Z'), Date.parse('2026-03-08T07:00:00Z')]);
    expect(adapter.weeks()).toEqual(['2026-W08', '2026-W09']);
  });

  it('waits for the Monday run before sending the week just ended', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-09T12:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] }); // Monday 07:00 EST
    const { adapter, start } = await nyBot();
    const s = await start();
    expect(adapter.weeks()).toEqual(['2026-W44']);
    await advanceTo(Date.parse('2026-11-09T14:00:00Z'), s);
    expect(adapter.weeks()).toEqual(['2026-W44', '2026-W45']);
  });
});

describe('DigestCron', () => {
  const crons: DigestCron[] = [];
  afterEach(() => crons.splice(0).forEach((c) => c.stop()));
  const digestCron = (expression: string) => {
    const c = new DigestCron(expression, NY);
    crons.push(c);
    return c;
  };

  it('finds a firing in a span by the zone, DST included', () => {
    const c = digestCron('0 9 * * 1');
    const fire = Date.parse('2026-11-02T14:00:00Z');
    expect(c.firedBetween(fire - 1, fire)).toBe(true);
    expect(c.firedBetween(fire, fire + 6 * 86_400_000)).toBe(false);
    expect(c.firedBetween(Date.parse('2026-11-02T12:00:00Z'), Date.parse('2026-11-02T13:30:00Z'))).toBe(false);
  });

  // On Sunday 2026-03-08 New York's clock jumps from 02:00 EST to 03:00 EDT (07:00Z); on 2026-11-01
  // it goes back from 02:00 EDT to 01:00 EST (06:00Z), so 01:30 comes twice.
  it('fires a time the clock skips right after the change, as cron does, and once a time it repeats', () => {
    const spring = digestCron('30 2 * * 0');
    expect(spring.next(Date.parse('2026-03-08T05:00:00Z'))).toBe(Date.parse('2026-03-08T07:00:00Z')); // 03:00 EDT
    expect(spring.next(Date.parse('2026-03-08T07:00:00Z'))).toBe(Date.parse('2026-03-15T06:30:00Z'));
    expect(spring.firedBetween(Date.parse('2026-03-02T05:00:00Z'), Date.parse('2026-03-08T07:00:00Z'))).toBe(true);
    // Two skipped times are one firing.
    expect(digestCron('0,30 2 * * 0').next(Date.parse('2026-03-08T07:00:00Z'))).toBe(Date.parse('2026-03-15T06:00:00Z'));
    const autumn = digestCron('30 1 * * 0');
    expect(autumn.next(Date.parse('2026-11-01T04:00:00Z'))).toBe(Date.parse('2026-11-01T05:30:00Z')); // 01:30 EDT
    expect(autumn.next(Date.parse('2026-11-01T05:30:00Z'))).toBe(Date.parse('2026-11-08T06:30:00Z')); // not 01:30 EST
  });

  it("follows the new clock for an expression whose minute or hour is a wildcard, as cron's wildcard jobs do", () => {
    const firings = (expression: string, from: string, to: string): string[] => {
      const c = digestCron(expression);
      const out: string[] = [];
      for (let t = c.next(Date.parse(from)); t <= Date.parse(to); t = c.next(t)) out.push(new Date(t).toISOString().slice(11, 16));
      return out;
    };
    // Spring: 02:30 is skipped, no 03:00 catch-up; autumn: 01:30 EDT and 01:30 EST both fire.
    expect(firings('30 * * * 0', '2026-03-08T05:00:00Z', '2026-03-08T08:00:00Z')).toEqual(['05:30', '06:30', '07:30']);
    expect(firings('30 * * * 0', '2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z')).toEqual(['04:30', '05:30', '06:30', '07:30']);
    expect(firings('*/30 2 * * 0', '2026-03-08T05:00:00Z', '2026-03-15T06:00:00Z')).toEqual(['06:00']); // the 15th's 02:00 EDT
    // The second 01:15 (06:15Z) comes after the first 01:45 (05:45Z).
    expect(firings('15,45 1 * * 0', '2026-11-01T05:20:00Z', '2026-11-01T08:00:00Z')).toEqual(['05:45']);
    expect(firings('15,45 * * * 0', '2026-11-01T05:20:00Z', '2026-11-01T06:50:00Z')).toEqual(['05:45', '06:15', '06:45']);
  });

  it('runs on its timer once on each of those nights', async () => {
    for (const [expression, night, fire] of [
      ['30 2 * * 0', '2026-03-08', '2026-03-08T07:00:00Z'],
      ['30 1 * * 0', '2026-11-01', '2026-11-01T05:30:00Z'],
    ]) {
      vi.useFakeTimers({ now: Date.parse(`${night}T00:00:00Z`), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      const runs: number[] = [];
      digestCron(expression).start(() => runs.push(Date.now()));
      await vi.advanceTimersByTimeAsync(86_400_000);
      expect(runs, expression).toEqual([Date.parse(fire)]);
      crons.pop()!.stop();
      vi.useRealTimers();
    }
  });
});
