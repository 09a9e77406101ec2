import { expect, it, onTestFinished, vi } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { retentionCutoff } from '../../src/store/retention.js';
import { HOUR_MS as HOUR } from '../../src/core/time/units.js';
import { collect, rec, tempStore } from './fixtures.js';
import { bytesFound } from './file-bytes.js';

describeEngines('purge', (engine) => {
  it('deletes messages, event keys, leads and feedback older than the cutoff, and counts the messages', async () => {
    const store = await tempStore({}, await engine.fresh());
    await Promise.all([
      store.add(rec('old1', { ts: 100, cats: ['check-in'] })),
      store.add(rec('old2', { ts: 199 })),
      store.add(rec('new', { ts: 200 })),
      store.markSeen('slack', 'old-event', 150),
      store.markSeen('slack', 'new-event', 250),
    ]);
    await store.markFalsePositive('slack', 'old1', null, 'U1'); // feedback dated now: kept
    await store.addLead('slack', null, 'old lead', 100);
    await store.addLead('slack', null, 'new lead', 15 * 60_000 + 300); // leads keep their quarter hour
    expect(await store.purge(200)).toBe(2);
    expect((await collect(store.records({ from: 0, to: 1000 }))).map((r) => r.id)).toEqual(['new']);
    expect(await store.seen('slack', 'old-event')).toBe(false);
    expect(await store.seen('slack', 'new-event')).toBe(true);
    expect((await store.leads({ from: 0, to: 30 * 60_000 })).map((l) => l.text)).toEqual(['new lead']);
    expect(await store.purge(200)).toBe(0);
    expect(await store.purge(Date.now() + 1)).toBe(1);
    await store.close();
    const db = await rawDb(store.path);
    expect(await db.get('SELECT count(*) AS n FROM feedback')).toEqual({ n: 0 });
    await db.close();
  });

  it('forgets the member lists of groups not seen since, and the names no kept message or list refers to', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'slack', id: 'C-old', memberIds: ['U-old', 'U-both'], seenAt: 100 });
    await store.upsertGroup({ platform: 'slack', id: 'C-new', memberIds: ['U-both', 'U-listed'], seenAt: 300 });
    await Promise.all([
      store.add(rec('a', { groupId: 'C-old', senderId: 'U-old', senderName: '老王', ts: 100 })),
      store.add(rec('b', { groupId: 'C-new', senderId: 'U-both', senderName: '小李', ts: 100 })),
      store.add(rec('c', { groupId: 'C-new', senderId: 'U-listed', senderName: '小张', ts: 100 })),
      store.add(rec('d', { groupId: 'C-new', senderId: 'U-kept', senderName: '小赵', ts: 300 })),
    ]);
    expect(await store.purge(200)).toBe(3);
    const db = await rawDb(store.path);
    try {
      expect(await db.all('SELECT group_id, user_id FROM group_members ORDER BY group_id, user_id')).toEqual([
        { group_id: 'C-new', user_id: 'U-both' },
        { group_id: 'C-new', user_id: 'U-listed' },
      ]);
      expect(await db.all('SELECT id, name FROM chat_users ORDER BY id')).toEqual([
        { id: 'U-both', name: '小李' },
        { id: 'U-kept', name: '小赵' },
        { id: 'U-listed', name: '小张' },
      ]);
    } finally {
      await db.close();
    }
    // A sender back after the purge is named again.
    await store.add(rec('e', { groupId: 'C-new', senderId: 'U-old', senderName: '老王', ts: 400 }));
    await store.flush();
    expect((await collect(store.records({ from: 0, to: 1000 }))).map((r) => [r.id, r.senderName])).toEqual([
      ['d', '小赵'],
      ['e', '老王'],
    ]);
  });

  it("names again a sender back after another instance's purge took their name", async () => {
    onTestFinished(() => void vi.useRealTimers());
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1), toFake: ['Date'] });
    const url = await engine.fresh();
    const [here, other] = [await tempStore({}, url), await tempStore({}, url)];
    await here.add(rec('a', { senderId: 'U-old', senderName: '老王', ts: 100 }));
    await here.flush();
    vi.setSystemTime(Date.UTC(2026, 6, 1));
    expect(await other.purge(200)).toBe(1);
    // This store's writer still holds the name as written: before, it did not write it again.
    await here.add(rec('b', { senderId: 'U-old', senderName: '老王', ts: Date.UTC(2026, 6, 1) }));
    await here.flush();
    expect((await collect(other.records({ from: 0, to: Date.UTC(2027, 0, 1) }))).map((r) => [r.id, r.senderName])).toEqual([['b', '老王']]);
  });

  it("names again a sender whose late-delivered message another instance's purge took within a day", async () => {
    onTestFinished(() => void vi.useRealTimers());
    const T = Date.UTC(2026, 6, 1);
    vi.useFakeTimers({ now: T, toFake: ['Date'] });
    const url = await engine.fresh();
    const [here, other] = [await tempStore({}, url), await tempStore({}, url)];
    // Sent 23 hours ago, delivered now (the bot was down).
    await here.add(rec('a', { senderId: 'U-old', senderName: '老王', ts: T - 23 * HOUR }));
    await here.flush();
    vi.setSystemTime(T + 2 * HOUR);
    expect(await other.purge(T + 2 * HOUR - 24 * HOUR)).toBe(1); // a retention of one day
    // Before, the writer trusted the name for a day from delivery, and did not write it again.
    vi.setSystemTime(T + 3 * HOUR);
    await here.add(rec('b', { senderId: 'U-old', senderName: '老王', ts: T + 3 * HOUR }));
    await here.flush();
    expect((await collect(other.records({ from: 0, to: T + 100 * HOUR }))).map((r) => [r.id, r.senderName])).toEqual([['b', '老王']]);
  });

  it("drops the name of a group not seen since with no message kept, keeping its size and an admin's settings under its id", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'slack', id: 'C-gone', name: '成员1的工作群', memberCount: 8, memberIds: ['U1'], seenAt: 100 });
    await store.upsertGroup({ platform: 'slack', id: 'C-set', name: '成员2的值班群', memberCount: 5, memberIds: ['U2'], seenAt: 100 });
    await store.updateGroupSettings('slack', 'C-set', (s) => ({ ...s, mode: 'nudge' }));
    await store.upsertGroup({ platform: 'slack', id: 'C-kept', name: '成员3的项目群', memberCount: 6, memberIds: ['U3'], seenAt: 100 });
    await Promise.all([
      store.add(rec('a', { groupId: 'C-gone', ts: 100 })),
      store.add(rec('b', { groupId: 'C-set', ts: 100 })),
      store.add(rec('c', { groupId: 'C-kept', ts: 300 })),
    ]);
    expect(await store.purge(200)).toBe(2);
    expect((await store.groupSettings('slack', 'C-set')).mode).toBe('nudge');
    await store.close();
    const db = await rawDb(store.path);
    try {
      // A size names no one: before, it went with the name, and a group speaking again read 0 members.
      expect(await db.all('SELECT id, name, member_count FROM chat_groups ORDER BY id')).toEqual([
        { id: 'C-gone', name: null, member_count: 8 },
        { id: 'C-kept', name: '成员3的项目群', member_count: 6 },
        { id: 'C-set', name: null, member_count: 5 },
      ]);
    } finally {
      await db.close();
    }
    if (engine.name === 'sqlite') expect(bytesFound(store.path, ['成员1的工作群', '成员2的值班群'])).toEqual([]);
  });

  it('finds the groups and people with no message kept by index, not by a scan of every message per group or person', async () => {
    const url = await engine.fresh();
    const store = await tempStore({}, url);
    await store.upsertGroup({ platform: 'slack', id: 'live0', name: '在用的群', seenAt: 100 });
    await store.add(rec('old', { groupId: 'old1', ts: 100 }));
    await store.close();
    // Many kept messages, many old named groups and people, written directly: a store would take minutes to ingest them.
    const db = await rawDb(url);
    const series = (n: number) =>
      engine.name === 'sqlite'
        ? `(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n}) SELECT i FROM s) AS t`
        : `generate_series(1, ${n}) AS t(i)`;
    try {
      await db.exec(`INSERT INTO messages (platform, id, group_id, sender_id, ts, length, hash, is_ack, mentions_all, recipients, mask)
        SELECT 'slack', 'm' || i, 'live' || (i % 50), 'u' || (i % 300), 1000 + i, 10, 'h' || i, 0, 0, 0, 0 FROM ${series(200_000)}`);
      await db.exec(`INSERT INTO chat_groups (platform, id, name, member_count, first_seen, last_seen)
        SELECT 'slack', 'old' || i, '旧群' || i, 10, 1, 1 FROM ${series(3000)} WHERE i > 1`);
      await db.exec(`INSERT INTO chat_users (platform, id, name) SELECT 'slack', 'u' || (i - 1), '同事' || i FROM ${series(300)}`);
      await db.exec(`INSERT INTO chat_users (platform, id, name) SELECT 'slack', 'gone' || i, '旧同事' || i FROM ${series(3000)}`);
      // A million messages' (platform, group) or (platform, sender) pairs fill the default work_mem; so do these in 64 kB.
      if (engine.name === 'postgres') await db.exec(`ANALYZE; ALTER DATABASE ${new URL(url).pathname.slice(1)} SET work_mem = '64kB'`);
    } finally {
      await db.close();
    }
    const again = await tempStore({}, url);
    const started = Date.now();
    expect(await again.purge(500)).toBe(1);
    // Before, PostgreSQL scanned the messages once per old group, then once per old person: about a minute each here.
    expect(Date.now() - started).toBeLessThan(20_000);
    // Closed, its connections ended, PostgreSQL has counted their index scans.
    await again.close();
    const kept = await rawDb(url);
    try {
      // PostgreSQL finds the people without the index too (a hash anti-join, fast enough here to pass
      // the bound above): that the purge looks each one up in it is told by the index's own count.
      if (engine.name === 'postgres')
        expect(await kept.all("SELECT idx_scan > 0 AS used FROM pg_stat_user_indexes WHERE indexrelname = 'messages_sender'")).toEqual([{ used: true }]);
      expect((await (await tempStore({}, url)).groups('slack')).filter((g) => g.name !== g.id).map((g) => g.id)).toEqual(['live0']);
      // Those who wrote a kept message keep their name; those with none, in no list, lose it.
      expect(await kept.all("SELECT count(*) AS n FROM chat_users WHERE id LIKE 'gone%'")).toEqual([{ n: 0 }]);
      expect(await kept.all("SELECT count(*) AS n FROM chat_users WHERE id LIKE 'u%' AND name LIKE '同事%'")).toEqual([{ n: 300 }]);
    } finally {
      await kept.close();
    }
  }, 120_000);

  it('purges in chunks when there is much to delete', async () => {
    const store = await tempStore({}, await engine.fresh());
    await Promise.all(Array.from({ length: 12_000 }, (_, i) => store.add(rec(`m${i}`, { ts: i }))));
    expect(await store.purge(11_000)).toBe(11_000);
    expect((await collect(store.records({ from: 0, to: 20_000 }))).length).toBe(1000);
  });

  it('computes the cutoff of a retention in days', () => {
    expect(retentionCutoff(180, 200 * 86_400_000)).toBe(20 * 86_400_000);
  });
});
