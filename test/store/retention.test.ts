import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { retentionCutoff } from '../../src/store/retention.js';
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

  it("drops the name of a group not seen since with no message kept, keeping only an admin's settings under its id", async () => {
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
      // Before, every row kept its name forever.
      expect(await db.all('SELECT id, name, member_count FROM chat_groups ORDER BY id')).toEqual([
        { id: 'C-kept', name: '成员3的项目群', member_count: 6 },
        { id: 'C-set', name: null, member_count: null },
      ]);
    } finally {
      await db.close();
    }
    if (engine.name === 'sqlite') expect(bytesFound(store.path, ['成员1的工作群', '成员2的值班群'])).toEqual([]);
  });

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
