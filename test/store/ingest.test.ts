import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { InputError } from '../../src/core/errors.js';
import { collect, rec, tempStore } from './fixtures.js';

/** Counts rows through a connection of its own: what another process would see, i.e. what is committed. */
async function committed(path: string, sql: string, params: (string | number)[] = []): Promise<number> {
  const db = await rawDb(path);
  const row = await db.get<{ n: number }>(sql, params);
  await db.close();
  return row!.n;
}

describeEngines('ingest', (engine) => {
  it('resolves add only once the record is committed, and stores a message once however often it comes', async () => {
    // A delay long enough that a second connection can count before the batch commits, on a loaded machine too.
    const store = await tempStore({ maxDelayMs: 300 }, await engine.fresh());
    const first = store.add(rec('m1', { cats: ['check-in'] }));
    expect(await committed(store.path, 'SELECT count(*) AS n FROM messages')).toBe(0); // still queued
    expect(await first).toBe(true);
    expect(await committed(store.path, "SELECT count(*) AS n FROM messages WHERE id = 'm1'")).toBe(1);
    // Redelivered: in a later batch, and twice within one batch.
    expect(await store.add(rec('m1', { cats: ['check-in'] }))).toBe(false);
    expect(await Promise.all([store.add(rec('m2')), store.add(rec('m2')), store.add(rec('m3'))])).toEqual([true, false, true]);
    expect(await committed(store.path, 'SELECT count(*) AS n FROM messages')).toBe(3);
  });

  it('commits a batch as soon as batchSize records wait, without waiting for the delay', async () => {
    const store = await tempStore({ batchSize: 50, maxDelayMs: 60_000 }, await engine.fresh());
    const started = Date.now();
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.add(rec(`m${i}`))));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await committed(store.path, 'SELECT count(*) AS n FROM messages')).toBe(50);
  });

  it('keeps text and findings of flagged messages only', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('flagged', { cats: ['data-request', 'check-in'], text: 'fill in the form' }));
    await store.add(rec('plain', { text: 'lunch?' }));
    expect(await committed(store.path, "SELECT count(*) AS n FROM messages WHERE id = 'plain' AND text IS NULL AND findings IS NULL")).toBe(1);
    const flagged = await store.message('slack', 'flagged');
    expect(flagged?.text).toBe('fill in the form');
    expect(flagged?.categories).toEqual(['check-in', 'data-request']);
    expect(flagged?.findings.map((f) => f.category)).toEqual(['data-request', 'check-in']);
  });

  it('reads back every field it was given', async () => {
    const store = await tempStore({}, await engine.fresh());
    const r = rec('full', {
      cats: ['ack-demand'],
      groupName: 'ops',
      senderName: 'Li',
      replyTo: 'm0',
      isAck: true,
      mentionsAll: true,
      recipients: 41,
      length: 7,
      ts: 1_700_000_000_123,
      text: '收到请回复 "1"',
    });
    await store.add(r);
    expect(await store.message('slack', 'full')).toEqual(r);
    expect(await collect(store.records({ from: 0, to: Number.MAX_SAFE_INTEGER }))).toEqual([r]); // names from maps, not joins
  });

  it('refuses a malformed record with an InputError naming it, and still stores the others', async () => {
    const store = await tempStore({}, await engine.fresh());
    const bad = { ...rec('bad'), ts: Number.NaN };
    await expect(store.add(bad)).rejects.toThrow(new InputError('record slack/bad: ts must be epoch milliseconds'));
    await expect(store.add({ ...rec('bad2'), categories: ['nonsense' as never] })).rejects.toBeInstanceOf(InputError);
    expect(await store.add(rec('good'))).toBe(true);
  });

  it('remembers event keys across reopening, and knows keys still waiting in a batch', async () => {
    const path = await engine.fresh();
    const store = await tempStore({ maxDelayMs: 30 }, path);
    const pending = store.add(rec('m1'), 'Ev1');
    expect(await store.seen('slack', 'Ev1')).toBe(true); // not committed yet, but seen
    await pending;
    expect(await store.markSeen('slack', 'Ev2', 5_000)).toBe(true);
    expect(await store.markSeen('slack', 'Ev2')).toBe(false);
    expect(await Promise.all([store.markSeen('slack', 'Ev3'), store.markSeen('slack', 'Ev3')])).toEqual([true, false]);
    await store.close();
    const reopened = await tempStore({}, path);
    expect(await reopened.seen('slack', 'Ev1')).toBe(true);
    expect(await reopened.seen('slack', 'Ev2')).toBe(true);
    expect(await reopened.seen('wechat', 'Ev2')).toBe(false); // keys are per platform
    expect(await reopened.seen('slack', 'Ev9')).toBe(false);
    expect(await reopened.markSeen('slack', 'Ev1')).toBe(false);
    // Forgotten, a key is new again (its handling failed; the redelivery must run), on this platform only.
    await reopened.markSeen('wechat', 'Ev1');
    await reopened.unmarkSeen('slack', 'Ev1');
    expect(await reopened.seen('slack', 'Ev1')).toBe(false);
    expect(await reopened.markSeen('slack', 'Ev1')).toBe(true);
    expect(await reopened.seen('wechat', 'Ev1')).toBe(true);
    // When a key was marked, and forgetting only the mark made at a given time (a stale one taken over).
    expect(await reopened.seenAt('slack', 'Ev2')).toBe(5_000);
    expect(await reopened.seenAt('slack', 'Ev9')).toBeUndefined();
    await reopened.unmarkSeen('slack', 'Ev2', 4_000);
    expect(await reopened.seen('slack', 'Ev2')).toBe(true);
    await reopened.unmarkSeen('slack', 'Ev2', 5_000);
    expect(await reopened.seen('slack', 'Ev2')).toBe(false);
  });

  it('keeps group names and first/last seen from the records', async () => {
    const store = await tempStore({}, await engine.fresh());
    await Promise.all([store.add(rec('a', { groupId: 'C9', groupName: 'old name', ts: 2_000 })), store.add(rec('b', { groupId: 'C9', ts: 1_000 }))]);
    await store.add(rec('c', { groupId: 'C9', groupName: 'new name', ts: 3_000 }));
    expect(await store.group('slack', 'C9')).toEqual({ id: 'C9', name: 'new name', members: 0, memberIds: [], unlisted: 0, firstSeen: 1_000, lastSeen: 3_000 });
  });

  it('commits what is queued on close', async () => {
    const path = await engine.fresh();
    const store = await tempStore({ maxDelayMs: 60_000 }, path);
    const adds = [store.add(rec('x')), store.add(rec('y'))];
    await store.close();
    expect(await Promise.all(adds)).toEqual([true, true]);
    expect(await committed(path, 'SELECT count(*) AS n FROM messages')).toBe(2);
    const reopened = await tempStore({}, path);
    expect((await collect(reopened.records({ from: 0, to: Number.MAX_SAFE_INTEGER }))).map((r) => r.id)).toEqual(['x', 'y']);
  });
});
