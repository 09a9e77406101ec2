import { expect, it } from 'vitest';
import type { MessageRecord } from '../../src/core/message-record.js';
import { ACK_WINDOW_MS } from '../../src/core/ack-window.js';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { collect, missedReport, rec, tempStore } from './fixtures.js';
import { AckStormDetector } from '../../src/analysis/derived/ack-storm.js';
import type { Store } from '../../src/store/store.js';

const ALL = { from: 0, to: 2_000_000 };
const WRONG = 'QUAGGA wrong notice: everyone clock in by 9';

/** Every row of the tables that could hold a message's text, as JSON text. */
async function textTables(path: string): Promise<string> {
  const db = await rawDb(path);
  try {
    const out: unknown[] = [];
    for (const t of ['messages', 'feedback', 'missed_demands']) out.push(await db.all(`SELECT * FROM ${t}`));
    return JSON.stringify(out);
  } finally {
    await db.close();
  }
}

/** The ack storms a report finds in the store. */
async function storms(store: Store) {
  const detector = new AckStormDetector();
  for (const r of await collect(store.reportRecords(ALL))) detector.add(r);
  return detector.results();
}

/** Loose acks (replying to nothing) from three members, from `ts` 10 ms apart. */
function looseAcks(prefix: string, ts: number, n = 5): MessageRecord[] {
  return Array.from({ length: n }, (_, i) => rec(`${prefix}${i}`, { isAck: true, ts: ts + i * 10, senderId: `U${2 + (i % 3)}` }));
}

describeEngines('removed messages', (engine) => {
  it('removes the message with its feedback and missed reports, so no figure counts it; others stay', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { cats: ['check-in'], text: WRONG, recipients: 5 }));
    await store.add(rec('m2', { cats: ['check-in'], recipients: 5, ts: 1_000_001 }));
    await store.add(rec('q1', { ts: 1_000_002 }));
    await store.markFalsePositive('slack', 'm1', 'other/rule', 'U9');
    await store.reportMissed(missedReport({ messageId: 'm1', text: WRONG, categories: ['like-quota'] }));
    await store.reportMissed(missedReport({ messageId: 'q1', text: 'kept text of q1' }));
    expect(await store.demandCount(ALL)).toBe(2);

    await store.removeMessage('slack', 'm1');
    expect(await store.message('slack', 'm1')).toBeUndefined();
    expect(await store.demandCount(ALL)).toBe(1);
    expect((await store.categoryTotals(ALL))['check-in']).toEqual({ count: 1, recipients: 5 });
    expect(await store.falsePositives()).toEqual([]);
    expect((await store.missedDemands()).map((m) => m.messageId)).toEqual(['q1']);
    const rows = await textTables(store.path);
    expect(rows).not.toContain('QUAGGA');
    expect(rows).toContain('kept text of q1');
  });

  it("wins over a message still waiting in this batch, in another instance's, or delivered again", async () => {
    const url = await engine.fresh();
    const store = await tempStore({ maxDelayMs: 60_000, batchSize: 1_000 }, url);
    const other = await tempStore({ maxDelayMs: 60_000, batchSize: 1_000 }, url);
    const waiting = store.add(rec('m1', { cats: ['check-in'], text: WRONG }));
    const elsewhere = other.add(rec('m2', { cats: ['check-in'], text: `${WRONG} again` }));
    const kept = store.add(rec('m3', { cats: ['check-in'] }));
    await store.removeMessage('slack', 'm1');
    await store.removeMessage('slack', 'm2');
    await Promise.all([store.flush(), other.flush()]);
    expect([await waiting, await elsewhere, await kept]).toEqual([false, false, true]);
    const again = store.add(rec('m1', { cats: ['check-in'], text: WRONG }));
    await store.flush();
    expect(await again).toBe(false);
    expect(await store.messages('slack', ['m1', 'm2', 'm3'])).toMatchObject([{ id: 'm3' }]);
    // Nor is a text of it kept from a `missed` report by an instance that still held it.
    expect(await other.reportMissed(missedReport({ messageId: 'm2', text: WRONG }))).toBe(false);
    expect(await textTables(url)).not.toContain('QUAGGA');
  });

  it('keeps its tombstone until the retention purge', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.removeMessage('slack', 'm1');
    await store.purge(Date.now() - 60_000);
    expect(await store.add(rec('m1'))).toBe(false);
    await store.purge(Date.now() + 60_000);
    expect(await store.add(rec('m1', { ts: Date.now() + 120_000 }))).toBe(true);
  });

  it("makes the loose acks that answered a removed demand its replies, so they count toward no other; the next demand's stay", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('d0', { cats: ['check-in'] }));
    await store.add(rec('d1', { cats: ['check-in'], ts: 1_000_010 }));
    for (const [id, ts] of [
      ['a1', 1_000_010],
      ['a2', 1_000_020],
      ['a0', 1_000_030],
    ] as const)
      await store.add(rec(id, { isAck: true, ts, senderId: 'U2' }));
    await store.add(rec('reply', { isAck: true, ts: 1_000_040, replyTo: 'd0' }));
    await store.add(rec('d2', { cats: ['check-in'], ts: 1_000_100 }));
    await store.add(rec('a3', { isAck: true, ts: 1_000_110, senderId: 'U3' }));
    await store.add(rec('elsewhere', { isAck: true, ts: 1_000_050, groupId: 'C2' }));
    await store.removeMessage('slack', 'd1');
    const replies = (await store.messages('slack', ['a0', 'a1', 'a2', 'reply', 'a3', 'elsewhere'])).map((m) => [m.id, m.replyTo]);
    expect(replies.sort()).toEqual([
      ['a0', 'd1'],
      ['a1', 'd1'],
      ['a2', 'd1'],
      ['a3', null],
      ['elsewhere', null],

      ['reply', 'd0'],
    ]);
  });

  it('counts the loose acks that come after a demand was removed toward nothing, not toward the demand before it', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('d1', { cats: ['check-in'] }));
    await store.add(rec('d2', { cats: ['check-in'], ts: 1_000_100 }));
    await store.removeMessage('slack', 'd2');
    for (const r of looseAcks('late', 1_000_200)) await store.add(r);
    expect(await storms(store)).toEqual([]);
    expect((await store.messages('slack', ['late0', 'late4'])).map((m) => m.replyTo)).toEqual(['d2', 'd2']);
    // A demand sent after the removed one takes the acks after it, and a group or day beyond takes nothing.
    await store.add(rec('d3', { cats: ['check-in'], ts: 1_000_300 }));
    for (const r of [...looseAcks('next', 1_000_400), rec('other', { isAck: true, ts: 1_000_500, groupId: 'C2' })]) await store.add(r);
    await store.add(rec('day', { isAck: true, ts: 1_000_100 + ACK_WINDOW_MS + 1 }));
    expect(await storms(store)).toEqual([{ message_id: 'd3', acks: 5 }]);
    expect((await store.messages('slack', ['next0', 'other', 'day'])).map((m) => [m.id, m.replyTo]).sort()).toEqual([
      ['day', null],
      ['next0', null],
      ['other', null],
    ]);
  });

  it("counts toward nothing the loose acks another instance's batch held while the demand was removed, and those of its own batch", async () => {
    const url = await engine.fresh();
    const store = await tempStore({}, url);
    const other = await tempStore({ maxDelayMs: 60_000, batchSize: 1_000 }, url);
    await store.add(rec('d1', { cats: ['check-in'] }));
    await store.add(rec('d2', { cats: ['check-in'], ts: 1_000_100 }));
    const held = looseAcks('held', 1_000_200, 3).map((r) => other.add(r));
    await store.removeMessage('slack', 'd2');
    // The same batch holds a demand after the removed one: the acks after it are its.
    const after = [rec('d3', { cats: ['check-in'], ts: 1_000_300 }), ...looseAcks('after', 1_000_400)].map((r) => other.add(r));
    await other.flush();
    expect(await Promise.all([...held, ...after])).toEqual(Array(9).fill(true));
    const replies = await store.messages('slack', ['held0', 'held1', 'held2', 'after0', 'after4']);
    expect(replies.map((m) => [m.id, m.replyTo]).sort()).toEqual([
      ['after0', null],
      ['after4', null],
      ['held0', 'd2'],
      ['held1', 'd2'],
      ['held2', 'd2'],
    ]);
    expect(await storms(store)).toEqual([{ message_id: 'd3', acks: 5 }]);
  });

  it('places a demand removed while its record waited in a batch when the record comes, keeping the acks before and after it with it', async () => {
    const url = await engine.fresh();
    const store = await tempStore({ maxDelayMs: 60_000, batchSize: 1_000 }, url);
    const other = await tempStore({}, url);
    await other.add(rec('d1', { cats: ['check-in'] }));
    const waiting = store.add(rec('d2', { cats: ['check-in'], ts: 1_000_100 }));
    await other.add(rec('early', { isAck: true, ts: 1_000_110, senderId: 'U2' }));
    await store.removeMessage('slack', 'd2');
    const acks = looseAcks('late', 1_000_200).map((r) => store.add(r));
    await store.flush();
    expect(await waiting).toBe(false);
    expect(await Promise.all(acks)).toEqual(Array(5).fill(true));
    expect(await storms(store)).toEqual([]);
    expect((await store.messages('slack', ['early', 'late0', 'late4'])).map((m) => m.replyTo)).toEqual(['d2', 'd2', 'd2']);
  });
});
