import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { looseAcks, storedStorms } from '../support/stored-storms.js';
import { missedReport, rec, tempStore } from './fixtures.js';

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

  it('counts the loose acks that answered a removed demand toward no other, leaving their rows as they were; the next demand keeps its', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('d0', { cats: ['check-in'] }));
    await store.add(rec('d1', { cats: ['check-in'], ts: 1_000_010 }));
    for (const r of looseAcks('a', 1_000_010)) await store.add(r);
    await store.add(rec('reply', { isAck: true, ts: 1_000_060, replyTo: 'd0', senderId: 'U2' }));
    await store.add(rec('d2', { cats: ['check-in'], ts: 1_000_100 }));
    for (const r of [...looseAcks('b', 1_000_110), rec('elsewhere', { isAck: true, ts: 1_000_050, groupId: 'C2' })]) await store.add(r);
    expect(await storedStorms(store)).toEqual([
      { message_id: 'd1', acks: 5 },
      { message_id: 'd2', acks: 5 },
    ]);
    await store.removeMessage('slack', 'd1');
    expect(await storedStorms(store)).toEqual([{ message_id: 'd2', acks: 5 }]);
    const replies = (await store.messages('slack', ['a0', 'a4', 'reply', 'b0', 'elsewhere'])).map((m) => [m.id, m.replyTo]);
    expect(replies.sort()).toEqual([
      ['a0', null],
      ['a4', null],
      ['b0', null],
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
    expect(await storedStorms(store)).toEqual([]);
    // A demand sent after the removed one takes the acks after it, and another group's ack counts toward nothing here.
    await store.add(rec('d3', { cats: ['check-in'], ts: 1_000_300 }));
    for (const r of [...looseAcks('next', 1_000_400), rec('other', { isAck: true, ts: 1_000_500, groupId: 'C2' })]) await store.add(r);
    expect(await storedStorms(store)).toEqual([{ message_id: 'd3', acks: 5 }]);
  });

  it('gives the acks after a removed demand to a demand sent between them that is stored after them', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('d1', { cats: ['check-in'] }));
    await store.add(rec('d2', { cats: ['check-in'], ts: 1_000_100 }));
    await store.removeMessage('slack', 'd2');
    for (const r of looseAcks('a', 1_000_400)) await store.add(r);
    await store.add(rec('d3', { cats: ['check-in'], ts: 1_000_300 }));
    expect(await storedStorms(store)).toEqual([{ message_id: 'd3', acks: 5 }]);
    // Sent later than d3, its acks are the removed demand's, in a report of its group alone too.
    await store.add(rec('d4', { cats: ['check-in'], ts: 1_000_350, senderId: 'U9' }));
    await store.removeMessage('slack', 'd4');
    expect(await storedStorms(store)).toEqual([]);
    expect(await storedStorms(store, { platform: 'slack', groupIds: ['C1'] })).toEqual([]);
  });

  it("gives the acks to the demand another instance's batch held with the removed one, whenever the batch is written", async () => {
    const url = await engine.fresh();
    const store = await tempStore({}, url);
    const held = await tempStore({ maxDelayMs: 60_000, batchSize: 1_000 }, url);
    await store.add(rec('d1', { cats: ['check-in'] }));
    const waiting = [rec('d2', { cats: ['check-in'], ts: 1_000_100 }), rec('d3', { cats: ['check-in'], ts: 1_000_300 })].map((r) => held.add(r));
    for (const r of looseAcks('a', 1_000_400)) await store.add(r);
    await store.removeMessage('slack', 'd2');
    await held.flush();
    expect(await Promise.all(waiting)).toEqual([false, true]);
    expect(await storedStorms(store)).toEqual([{ message_id: 'd3', acks: 5 }]);
  });

  it('gives the acks after two demands sent at the same time, one removed, to the one stored', async () => {
    for (const order of [
      ['d2', 'd3'],
      ['d3', 'd2'],
    ]) {
      const store = await tempStore({}, await engine.fresh());
      await store.add(rec('d1', { cats: ['check-in'] }));
      for (const id of order) await store.add(rec(id, { cats: ['check-in'], ts: 1_001_000, senderId: id === 'd3' ? 'U9' : 'U1' }));
      await store.removeMessage('slack', 'd2');
      for (const r of looseAcks('a', 1_002_000)) await store.add(r);
      expect(await storedStorms(store)).toEqual([{ message_id: 'd3', acks: 5 }]);
    }
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
    expect(await storedStorms(store)).toEqual([{ message_id: 'd3', acks: 5 }]);
  });

  it('places a demand removed while its record waited in a batch when the record comes, so the acks before and after it stay its', async () => {
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
    expect(await storedStorms(store)).toEqual([]);
  });
});
