import { expect, it } from 'vitest';
import { describeEngines, type Engine } from '../support/databases.js';
import type { Store } from '../../src/store/store.js';
import { CATEGORIES, type Category } from '../../src/core/categories.js';
import { collect, rec, tempStore } from './fixtures.js';

const totals = (given: Partial<Record<Category, [number, number]>>) =>
  Object.fromEntries(CATEGORIES.map((c) => [c, { count: given[c]?.[0] ?? 0, recipients: given[c]?.[1] ?? 0 }]));

/**
 * C1 has 10 members (U1, U2, U3 known), C2 has 5 (U2, U4 known); W1 is on another platform.
 * The period [1000, 2000) holds a-e and g; f comes later.
 */
async function fixture(engine: Engine): Promise<Store> {
  const store = await tempStore({}, await engine.fresh());
  await store.upsertGroup({ platform: 'slack', id: 'C1', name: 'ops', memberCount: 10, memberIds: ['U1', 'U2', 'U3'] });
  await store.upsertGroup({ platform: 'slack', id: 'C2', name: 'hr', memberCount: 5, memberIds: ['U2', 'U4'] });
  await Promise.all([
    store.add(rec('a', { groupId: 'C1', senderId: 'U1', cats: ['check-in'], recipients: 9, ts: 1000 })),
    store.add(rec('b', { groupId: 'C1', senderId: 'U2', cats: ['check-in', 'data-request'], recipients: 9, ts: 1100 })),
    store.add(rec('c', { groupId: 'C1', senderId: 'U3', ts: 1200 })),
    store.add(rec('d', { groupId: 'C2', senderId: 'U2', cats: ['data-request'], recipients: 0, ts: 1300 })), // unknown: 5 − 1
    store.add(rec('e', { groupId: 'C2', senderId: 'U1', ts: 1400 })),
    store.add(rec('f', { groupId: 'C1', senderId: 'U1', cats: ['check-in'], recipients: 9, ts: 2500 })),
    store.add(rec('g', { platform: 'wechat', groupId: 'W1', senderId: 'X1', cats: ['like-quota'], recipients: 20, ts: 1500 })),
  ]);
  return store;
}

describeEngines('aggregates', (engine) => {
  it('totals demands and recipients per category, filling unknown recipients from the group size', async () => {
    const store = await fixture(engine);
    expect(await store.categoryTotals({ from: 1000, to: 2000 })).toEqual(totals({ 'check-in': [2, 18], 'data-request': [2, 13], 'like-quota': [1, 20] }));
    expect(await store.categoryTotals({ from: 1000, to: 2000, platform: 'slack' })).toEqual(totals({ 'check-in': [2, 18], 'data-request': [2, 13] }));
    expect(await store.categoryTotals({ from: 1000, to: 2000, platform: 'slack', groupIds: ['C2'] })).toEqual(totals({ 'data-request': [1, 4] }));
    expect(await store.categoryTotals({ from: 1000, to: 1100 })).toEqual(totals({ 'check-in': [1, 9] })); // `to` is exclusive
  });

  it('counts demands of a scope', async () => {
    const store = await fixture(engine);
    expect(await store.demandCount({ from: 1000, to: 2000 })).toBe(4);
    expect(await store.demandCount({ from: 1000, to: 2000, platform: 'slack', groupIds: ['C1'] })).toBe(2);
    expect(await store.demandCount({ from: 2000, to: 3000 })).toBe(1);
  });

  it('totals messages, demands and categories per group', async () => {
    const store = await fixture(engine);
    expect(await store.groupTotals({ from: 1000, to: 2000 })).toEqual([
      { platform: 'slack', groupId: 'C1', messages: 3, demands: 2, byCategory: totals({ 'check-in': [2, 18], 'data-request': [1, 9] }) },
      { platform: 'slack', groupId: 'C2', messages: 2, demands: 1, byCategory: totals({ 'data-request': [1, 4] }) },
      { platform: 'wechat', groupId: 'W1', messages: 1, demands: 1, byCategory: totals({ 'like-quota': [1, 20] }) },
    ]);
  });

  it('shows a member the demands of others in their groups, latest first, never their own', async () => {
    const store = await fixture(engine);
    const view = await store.memberView('slack', 'U2', { from: 1000, to: 3000, limit: 5 });
    expect(view.groups).toBe(2);
    expect(view.demands).toBe(2);
    expect(view.byCategory).toEqual({ ...Object.fromEntries(CATEGORIES.map((c) => [c, 0])), 'check-in': 2 });
    expect(view.latest.map((r) => r.id)).toEqual(['f', 'a']);
    expect((await store.memberView('slack', 'U2', { from: 1000, to: 3000, limit: 1 })).latest.map((r) => r.id)).toEqual(['f']);
    expect((await store.memberView('slack', 'nobody', { from: 0, to: 9999 })).demands).toBe(0);
  });

  it('streams records of a scope in time order', async () => {
    const store = await fixture(engine);
    expect((await collect(store.records({ from: 0, to: 10_000 }))).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'g', 'f']);
    expect((await collect(store.records({ from: 0, to: 10_000, platform: 'slack', groupIds: ['C1'] }))).map((r) => r.id)).toEqual(['a', 'b', 'c', 'f']);
    expect((await collect(store.records({ from: 1100, to: 1400 }))).map((r) => r.id)).toEqual(['b', 'c', 'd']);
  });

  it('streams across pages exactly once each, also when many records share a timestamp', async () => {
    const store = await tempStore({}, await engine.fresh());
    const n = 4500; // more than two pages, with runs of equal ts that straddle page ends
    await Promise.all(Array.from({ length: n }, (_, i) => store.add(rec(`m${i}`, { groupId: `C${i % 3}`, ts: 1000 + Math.floor(i / 1500) }))));
    const got = await collect(store.records({ from: 0, to: 5000 }));
    expect(got.length).toBe(n);
    expect(new Set(got.map((r) => r.id)).size).toBe(n);
    expect(got.every((r, i) => i === 0 || got[i - 1].ts <= r.ts)).toBe(true);
  });

  it('lets a reader stop a stream part way, with the next page in flight, and still close the store', async () => {
    const store = await tempStore({}, await engine.fresh());
    await Promise.all(Array.from({ length: 4500 }, (_, i) => store.add(rec(`m${i}`, { ts: 1000 + i }))));
    let read = 0;
    for await (const r of store.records({ from: 0, to: 10_000 })) {
      if (++read === 10) break;
      expect(r.id).toBe(`m${read - 1}`);
    }
    // Streams read after the abandoned one (its statement finalised, not left holding the file).
    expect((await collect(store.reportRecords({ from: 0, to: 10_000 }))).length).toBe(0); // no demands or acks among them
    expect((await collect(store.records({ from: 5000, to: 10_000 }))).map((r) => r.id)).toEqual(Array.from({ length: 500 }, (_, i) => `m${4000 + i}`));
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('finds a message by id and the latest demand of a group', async () => {
    const store = await fixture(engine);
    expect((await store.message('slack', 'd'))?.categories).toEqual(['data-request']);
    expect(await store.message('slack', 'nope')).toBeUndefined();
    expect((await store.latestFlagged('slack', 'C1', { ts: 9999 }))?.id).toBe('f');
    expect(await store.latestFlagged('slack', 'C9', { ts: 9999 })).toBeUndefined();
  });

  it("finds a group's latest demand up to a command's place, never one stored after it (a rerun after a crash)", async () => {
    const store = await fixture(engine);
    // The command came after c: f, stored since (later lines of the input), is not what it meant.
    expect((await store.latestFlagged('slack', 'C1', { ts: 9999, id: 'c' }))?.id).toBe('b');
    expect((await store.latestFlagged('slack', 'C1', { ts: 9999, id: 'b' }))?.id).toBe('b');
    // Its message before not stored: up to its own time.
    expect((await store.latestFlagged('slack', 'C1', { ts: 1050, id: 'gone' }))?.id).toBe('a');
  });

  it("finds a group's latest flagged message by sender and text, as a WeChat quote names it", async () => {
    const store = await fixture(engine);
    // a and f: the same sender and text in C1; f is later. c has that text too but is not flagged.
    await store.add(rec('h', { groupId: 'C1', senderId: 'U1', ts: 1600, text: 'text of f', cats: [] }));
    await store.add(rec('i', { groupId: 'C1', senderId: 'U2', ts: 2600, text: 'text of f', cats: ['check-in'] }));
    await store.add(rec('a2', { groupId: 'C1', senderId: 'U1', ts: 2400, text: 'text of f', cats: ['like-quota'] }));
    await store.flush();
    expect((await store.flaggedByText('slack', 'C1', 'U1', 'text of f'))?.id).toBe('f');
    expect((await store.flaggedByText('slack', 'C1', 'U2', 'text of f'))?.id).toBe('i');
    expect((await store.flaggedByText('slack', 'C1', 'U1', 'text of a'))?.id).toBe('a');
    expect(await store.flaggedByText('slack', 'C1', 'U3', 'text of f')).toBeUndefined();
    expect(await store.flaggedByText('slack', 'C2', 'U1', 'text of f')).toBeUndefined();
    expect(await store.flaggedByText('slack', 'C1', 'U1', 'text of')).toBeUndefined();
  });
});

describeEngines('quiet messages', (engine) => {
  it('are counted per group, and left out of the records a report reads', async () => {
    const store = await fixture(engine);
    const counts = await store.quietCounts({ from: 1000, to: 2000 });
    expect(counts).toEqual([
      { platform: 'slack', groupId: 'C1', messages: 1, maxRecipients: 0, firstTs: 1200, lastTs: 1200 },
      { platform: 'slack', groupId: 'C2', messages: 1, maxRecipients: 0, firstTs: 1400, lastTs: 1400 },
    ]);
    const loud = [];
    for await (const r of store.reportRecords({ from: 1000, to: 2000 })) loud.push(r.id);
    expect(loud).toEqual(['a', 'b', 'd', 'g']);
  });
});
