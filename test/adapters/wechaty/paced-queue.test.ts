import { describe, expect, it } from 'vitest';
import { WorkError } from '../../../src/core/errors.js';
import { MAX_PENDING, PacedQueue, type Clock } from '../../../adapters/wechaty/paced-queue.js';

/** A clock whose sleep jumps time forward at once, so the test sees exact send times. */
function fakeClock(): Clock & { t: number } {
  const clock = {
    t: 1_000_000,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

function recorder(clock: Clock) {
  const sent: { what: string; at: number }[] = [];
  const t0 = clock.now();
  const send = (what: string) => async () => {
    sent.push({ what, at: clock.now() - t0 });
  };
  return { sent, send };
}

describe('PacedQueue', () => {
  it('spaces messages by the account pace across rooms and by the room pace within one', async () => {
    const clock = fakeClock();
    const q = new PacedQueue({ room: 10, account: 2, jitter: 0 }, clock);
    const { sent, send } = recorder(clock);
    await Promise.all([q.push('a', send('a1')), q.push('a', send('a2')), q.push('b', send('b1')), q.push('c', send('c1'))]);
    expect(sent).toEqual([
      { what: 'a1', at: 0 },
      { what: 'b1', at: 2000 },
      { what: 'c1', at: 4000 },
      { what: 'a2', at: 10000 },
    ]);
  });

  it('adds up to the jitter and keeps each lane in order whatever the draw', async () => {
    const clock = fakeClock();
    const draws = [0.9, 0, 0.5, 0];
    const q = new PacedQueue({ room: 1, account: 1, jitter: 4 }, clock, () => draws.shift() ?? 0);
    const { sent, send } = recorder(clock);
    await Promise.all(['m1', 'm2', 'm3', 'm4'].map((m) => q.push('a', send(m))));
    expect(sent.map((s) => s.what)).toEqual(['m1', 'm2', 'm3', 'm4']);
    // m1 is first ever and goes at once; m2 drew 0, m3 drew half of the 4 s jitter.
    expect(sent.map((s) => s.at)).toEqual([0, 1000, 4000, 5000]);
  });

  it('rejects only the message whose send failed, and keeps the pace after it', async () => {
    const clock = fakeClock();
    const q = new PacedQueue({ room: 0, account: 3, jitter: 0 }, clock);
    const { sent, send } = recorder(clock);
    const failing = q.push('a', async () => {
      throw new Error('network down');
    });
    const next = q.push('a', send('after'));
    await expect(failing).rejects.toThrow('network down');
    await next;
    expect(sent).toEqual([{ what: 'after', at: 3000 }]);
  });

  it('on close, lets the message in flight go out and refuses the rest', async () => {
    const q = new PacedQueue({ room: 60, account: 60, jitter: 0 });
    let release = () => {};
    let delivered = false;
    const inFlight = q.push('a', () => new Promise<void>((resolve) => (release = () => ((delivered = true), resolve()))));
    const waiting = q.push('a', async () => {});
    await new Promise((resolve) => setImmediate(resolve));
    const closed = q.close();
    release();
    await closed;
    await inFlight;
    expect(delivered).toBe(true);
    await expect(waiting).rejects.toThrow(WorkError);
    await expect(q.push('b', async () => {})).rejects.toThrow('wechaty: adapter stopped, message not sent');
  });

  it('refuses messages beyond MAX_PENDING waiting ones instead of building a backlog of hours', async () => {
    const q = new PacedQueue({ room: 60, account: 60, jitter: 0 });
    const outcomes = Array.from({ length: MAX_PENDING + 2 }, () =>
      q
        .push('a', async () => {})
        .then(
          () => 'sent',
          (err: Error) => err.message,
        ),
    );
    await outcomes[0];
    await q.close();
    // The first went out at once; MAX_PENDING waited their turn until the close; the last was refused.
    const results = await Promise.all(outcomes);
    expect(results[0]).toBe('sent');
    expect(results.slice(1, MAX_PENDING + 1).every((r) => r === 'wechaty: adapter stopped, message not sent')).toBe(true);
    expect(results[MAX_PENDING + 1]).toBe(`wechaty: ${MAX_PENDING} messages already waiting to be sent, message dropped`);
  });
});
