import { describe, expect, it } from 'vitest';
import { OutboundQueue } from '../../../adapters/slack/outbound-queue.js';

describe('OutboundQueue', () => {
  it('spaces calls to one channel by the interval, in order, without holding up other channels', async () => {
    const queue = new OutboundQueue(150);
    const sent: [string, number, number][] = [];
    const start = Date.now();
    const send = (lane: string, n: number) => queue.push(lane, async () => sent.push([lane, n, Date.now() - start]));
    await Promise.all([send('C1', 1), send('C1', 2), send('C1', 3), send('C2', 1)]);
    expect(sent.filter(([l]) => l === 'C1').map(([, n]) => n)).toEqual([1, 2, 3]);
    const times = Object.fromEntries(sent.map(([l, n, t]) => [`${l}#${n}`, t]));
    expect(times['C1#2'] - times['C1#1']).toBeGreaterThanOrEqual(145);
    expect(times['C1#3'] - times['C1#2']).toBeGreaterThanOrEqual(145);
    expect(times['C2#1']).toBeLessThan(100);
  });

  it('rejects only the failed call and goes on with the lane', async () => {
    const queue = new OutboundQueue(0);
    const failing = queue.push('C1', async () => {
      throw new Error('channel_not_found');
    });
    const next = queue.push('C1', async () => 'sent');
    await expect(failing).rejects.toThrow('channel_not_found');
    expect(await next).toBe('sent');
  });

  it('drain waits for every queued call', async () => {
    const queue = new OutboundQueue(50);
    const done: number[] = [];
    for (const n of [1, 2, 3]) void queue.push('C1', async () => done.push(n));
    await queue.drain();
    expect(done).toEqual([1, 2, 3]);
  });
});
