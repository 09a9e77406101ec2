import { describe, expect, it } from 'vitest';
import { AckStormDetector } from '../../../src/analysis/derived/ack-storm.js';
import type { Category } from '../../../src/core/categories.js';

const T0 = Date.parse('2026-11-23T10:00:00+08:00');
const MIN = 60_000;
let n = 0;
const demand = (id: string, group = 'G1', sender = 'boss', ts = T0, categories: Category[] = ['ack-demand']) => ({
  platform: 'slack',
  id,
  groupId: group,
  senderId: sender,
  ts,
  replyTo: null,
  isAck: false,
  categories,
});
const ack = (sender: string, opts: { group?: string; ts?: number; replyTo?: string | null } = {}) => ({
  platform: 'slack',
  id: `a${++n}`,
  groupId: opts.group ?? 'G1',
  senderId: sender,
  ts: opts.ts ?? T0 + MIN,
  replyTo: opts.replyTo ?? null,
  isAck: true,
  categories: [] as Category[],
});
const chat = (sender: string, ts = T0 + MIN) => ({ ...ack(sender, { ts }), isAck: false });

function run(records: Parameters<AckStormDetector['add']>[0][]) {
  const d = new AckStormDetector();
  for (const r of records) d.add(r);
  return d.results();
}

describe('AckStormDetector', () => {
  it('finds 5 acks from 3 members after a demand', () => {
    expect(run([demand('m1'), ack('u1'), ack('u2'), ack('u3'), ack('u1'), ack('u2')])).toEqual([{ message_id: 'm1', acks: 5 }]);
  });

  it('counts a reply only toward the demand of its id in its own group, as some exports number each chat alike', () => {
    const replies = (group: string, senders: string[]) => senders.map((u) => ack(u, { group, replyTo: '1' }));
    const records = [demand('1', 'G1'), ...replies('G1', ['u1', 'u2', 'u3']), demand('1', 'G2'), ...replies('G2', ['v1', 'v2', 'v3'])];
    expect(run(records)).toEqual([]);
    expect(run([...records, ...replies('G2', ['v4', 'v5'])])).toEqual([{ message_id: '1', acks: 5 }]);
  });

  it('needs 5 acks', () => {
    expect(run([demand('m1'), ack('u1'), ack('u2'), ack('u3'), ack('u4')])).toEqual([]);
  });

  it('needs 3 distinct members', () => {
    expect(run([demand('m1'), ack('u1'), ack('u2'), ack('u1'), ack('u2'), ack('u1'), ack('u2')])).toEqual([]);
  });

  it('does not count the demand sender acking their own demand', () => {
    expect(run([demand('m1'), ack('boss'), ack('u1'), ack('u2'), ack('u3'), ack('u1')])).toEqual([]);
  });

  it('counts toward the most recent demand of the same group only', () => {
    const records = [
      demand('m1'),
      demand('m2', 'G2'),
      ack('u1'),
      ack('u2'),
      ack('u3'),
      ack('u4'),
      ack('u5'),
      demand('m3', 'G1', 'boss', T0 + 2 * MIN),
      ack('u1', { ts: T0 + 3 * MIN }),
      ack('u2', { group: 'G2', ts: T0 + 3 * MIN }),
    ];
    expect(run(records)).toEqual([{ message_id: 'm1', acks: 5 }]);
  });

  it('ignores acks more than 24 hours after the demand unless they reply to it', () => {
    const late = T0 + 24 * 60 * MIN + 1;
    const exactly = T0 + 24 * 60 * MIN;
    expect(
      run([demand('m1'), ack('u1', { ts: exactly }), ack('u2', { ts: exactly }), ack('u3', { ts: late }), ack('u4', { ts: late }), ack('u5', { ts: late })]),
    ).toEqual([]);
    expect(run([demand('m1'), ...['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => ack(u, { ts: late, replyTo: 'm1' }))])).toEqual([{ message_id: 'm1', acks: 5 }]);
    expect(run([demand('m1'), ...['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => ack(u, { ts: exactly }))])).toEqual([{ message_id: 'm1', acks: 5 }]);
  });

  it('credits replies (reactions) to the demand they answer, not the latest one', () => {
    const records = [demand('m1'), demand('m2'), ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((u) => ack(u, { replyTo: 'm1' }))];
    expect(run(records)).toEqual([{ message_id: 'm1', acks: 6 }]);
  });

  it('does not credit a reply to a message that is not a demand', () => {
    expect(run([demand('m1'), ...['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => ack(u, { replyTo: 'joke' }))])).toEqual([]);
  });

  it('keeps counting through ordinary chat, and sorts storms by acks', () => {
    const records = [
      demand('m1'),
      ack('u1'),
      chat('u9'),
      ack('u2'),
      ack('u3'),
      ack('u4'),
      ack('u5'),
      demand('m2', 'G2'),
      ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'].map((u) => ack(u, { group: 'G2' })),
    ];
    expect(run(records)).toEqual([
      { message_id: 'm2', acks: 7 },
      { message_id: 'm1', acks: 5 },
    ]);
  });

  it('matches acks to demands by time, so records out of order find the same storms', () => {
    const records = [
      demand('m1'),
      ...['u1', 'u2', 'u3', 'u4', 'u5'].map((u, i) => ack(u, { ts: T0 + (i + 1) * MIN })),
      demand('m2', 'G1', 'boss', T0 + 10 * MIN),
      ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((u, i) => ack(u, { ts: T0 + (11 + i) * MIN })),
    ];
    const storms = [
      { message_id: 'm2', acks: 6 },
      { message_id: 'm1', acks: 5 },
    ];
    expect(run(records)).toEqual(storms);
    expect(run([...records].reverse())).toEqual(storms);
    // An ack before every demand of its group counts toward none.
    expect(run([ack('u1', { ts: T0 - MIN }), ...records.slice(0, 6)].reverse())).toEqual([{ message_id: 'm1', acks: 5 }]);
  });

  it('takes a demand and acks of the same second in the order they came', () => {
    const same = (u: string) => ack(u, { ts: T0 });
    expect(run([demand('m1'), same('u1'), same('u2'), same('u3'), same('u4'), same('u5')])).toEqual([{ message_id: 'm1', acks: 5 }]);
    expect(run([same('u1'), same('u2'), same('u3'), same('u4'), same('u5'), demand('m1')])).toEqual([]);
  });

  it('puts a demand before acks of the same minute in a group that came out of order (an export written newest first)', () => {
    const at10 = T0 + 60 * MIN;
    const records = [demand('m1'), demand('m2', 'G1', 'boss', at10), ...['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => ack(u, { ts: at10 }))];
    expect(run(records)).toEqual([{ message_id: 'm2', acks: 5 }]);
    expect(run([...records].reverse())).toEqual([{ message_id: 'm2', acks: 5 }]);
  });

  it('keeps arrival order for ties in a group that came in time order but for one late record', () => {
    // m2 arrives after the acks of its own minute, so they answered m1; one ack comes late.
    const at5 = T0 + 5 * MIN;
    const records = [
      demand('m1'),
      ...['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => ack(u, { ts: at5 })),
      demand('m2', 'G1', 'boss', at5),
      ack('u6', { ts: T0 + MIN }),
    ];
    expect(run(records)).toEqual([{ message_id: 'm1', acks: 6 }]);
  });

  it("gives the loose acks after a removed demand to it, up to its group's next demand, counting them toward nothing", () => {
    const acks = (ts: number) => ['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => ack(u, { ts }));
    const removed = (ts: number, group = 'G1') => ({ platform: 'slack', groupId: group, ts });
    const runWith = (gone: ReturnType<typeof removed>[], records: Parameters<AckStormDetector['add']>[0][]) => {
      const d = new AckStormDetector();
      for (const r of gone) d.addRemoved(r);
      for (const r of records) d.add(r);
      return d.results();
    };
    const records = [demand('m1'), ...acks(T0 + 3 * MIN), demand('m3', 'G1', 'boss', T0 + 2 * MIN)];
    expect(runWith([], records)).toEqual([{ message_id: 'm3', acks: 5 }]);
    // Removed before the demand that came late: the acks are still the later demand's.
    expect(runWith([removed(T0 + MIN)], records)).toEqual([{ message_id: 'm3', acks: 5 }]);
    // Removed after it (in time), or in another group.
    expect(runWith([removed(T0 + 2 * MIN + 1)], records)).toEqual([]);
    expect(runWith([removed(T0 + 2 * MIN + 1, 'G2')], records)).toEqual([{ message_id: 'm3', acks: 5 }]);
    // Sent at the same time as a demand that stays: that one takes them.
    expect(runWith([removed(T0 + 2 * MIN)], records)).toEqual([{ message_id: 'm3', acks: 5 }]);
    // Acks sent before a removed demand, and replies to its id, are not its.
    expect(runWith([removed(T0 + 4 * MIN)], records)).toEqual([{ message_id: 'm3', acks: 5 }]);
    expect(runWith([removed(T0)], [...['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => ack(u, { replyTo: 'gone' }))])).toEqual([]);
  });
});
