import { expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
import { digestRecipients } from '../../src/digest/recipients.js';
import { sendDigests, writtenDigest } from '../../src/digest/send-digests.js';
import type { GroupPerson, Store } from '../../src/store/store.js';
import { demand, record } from '../analysis/report/records.js';
import { describeEngines } from '../support/databases.js';
import { CapturingAdapter } from './capturing-adapter.js';
import { NOW, digestStore, w47 } from './fixture.js';

const CHECK_IN = '@李四 请今晚十点前完成健康打卡，截图发群里';

/** The store, counting the reads of who its groups know in any week (each scans every message) and keeping the groups they read. */
function counted(store: Store): { store: Store; reads: () => number; groupsRead: Set<string> } {
  let reads = 0;
  const groupsRead = new Set<string>();
  const proxy = new Proxy(store, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        if (key === 'peopleOf' || key === 'groupPeople') reads++;
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (key !== 'groupPeople') return result;
        return (result as Promise<GroupPerson[]>).then((rows) => {
          for (const p of rows) groupsRead.add(`${p.platform}:${p.groupId}`);
          return rows;
        });
      };
    },
  });
  return { store: proxy, reads: () => reads, groupsRead };
}

/**
 * Supervisors of g1, of g2 (on any platform), of everything, and test's g2 admin. 李四 (u3) wrote in
 * test's g1 and in other's g2 in earlier weeks, never in test's g2, where a demand names him this week.
 */
async function seeded(engine: Parameters<typeof digestStore>[1]): Promise<{ config: Config; store: Store }> {
  const { config, store } = await digestStore(
    (c) =>
      (c.digest.supervisors = [
        { platform: 'test', user: 'boss1', groups: ['g1'], lang: 'en' },
        { platform: 'test', user: 'boss2', groups: ['g2'], lang: 'en' },
        { platform: 'test', user: 'boss3', lang: 'zh' },
      ]),
    engine,
  );
  for (const [platform, id, name] of [
    ['test', 'g1', '一组'],
    ['test', 'g2', '二组'],
    ['other', 'g2', '二组'],
  ]) {
    await store.upsertGroup({ platform, id, name, memberCount: 10 });
  }
  await store.updateGroupSettings('test', 'g2', (s) => ({ ...s, supervisors: ['admin'] }));
  const lisi = { senderId: 'u3', senderName: '李四', text: '好的' };
  await store.add(record({ platform: 'test', groupId: 'g1', groupName: '一组', ...lisi, id: 'm1', ts: w47(-3, 9) }));
  await store.add(record({ platform: 'other', groupId: 'g2', groupName: '二组', ...lisi, id: 'm2', ts: w47(-10, 9) }));
  const boss = { senderId: 'u1', senderName: '张科长', recipients: 9 };
  await store.add(
    demand({ platform: 'test', groupId: 'g1', groupName: '一组', ...boss, id: 'd1', ts: w47(1, 10), text: '李四 请填写附件统计表并上报' }, ['data-request']),
  );
  await store.add(demand({ platform: 'test', groupId: 'g2', groupName: '二组', ...boss, id: 'd2', ts: w47(2, 10), text: CHECK_IN }, ['check-in']));
  await store.flush();
  return { config, store };
}

describeEngines('a digest run', (engine) => {
  it('reads who the groups know once for all its recipients, and sends each the digest it would get alone', async () => {
    const { config, store } = await seeded(engine);
    const alone = new Map<string, string>();
    for (const r of await digestRecipients(config, store)) alone.set(r.user, (await writtenDigest({ config, store }, r, '2026-W47')).text);
    expect([...alone.keys()].sort()).toEqual(['admin', 'boss1', 'boss2', 'boss3']);
    // Each scope knows its own people: test's g2 never saw 李四, other's g2 and test's g1 did.
    expect(alone.get('admin')).toContain(CHECK_IN);
    expect(alone.get('boss2')).toContain('@Member 1 请今晚十点前完成健康打卡');
    expect(alone.get('boss1')).toContain('Member 1 请填写附件统计表并上报');
    expect(alone.get('boss3')).toContain('@成员1 请今晚十点前完成健康打卡');

    const run = counted(store);
    const adapter = new CapturingAdapter();
    const deps = { config, store: run.store, deliveries: store, adapters: [adapter], now: () => NOW, log: () => {} };
    expect(await sendDigests(deps, { upTo: '2026-W47', catchUp: false })).toEqual({ sent: 4, failed: 0, unrecorded: 0 });
    expect(new Map(adapter.outs.map((o) => [o.user, o.out.text]))).toEqual(alone);
    expect(run.reads()).toBe(1);
  });

  it("reads only the people of its recipients' groups, not every group's of the store", async () => {
    const { config, store } = await seeded(engine);
    config.digest.supervisors = config.digest.supervisors.filter((s) => s.user !== 'boss3');
    // A group no recipient gets a digest of, with listed members and one who wrote there.
    await store.upsertGroup({ platform: 'test', id: 'g3', name: '三组', memberIds: ['u7', 'u8'] });
    await store.add(record({ platform: 'test', groupId: 'g3', groupName: '三组', senderId: 'u9', senderName: '王五', text: '收到', id: 'm3', ts: w47(1, 9) }));
    await store.flush();
    const alone = new Map<string, string>();
    for (const r of await digestRecipients(config, store)) alone.set(r.user, (await writtenDigest({ config, store }, r, '2026-W47')).text);
    expect([...alone.keys()].sort()).toEqual(['admin', 'boss1', 'boss2']);

    const run = counted(store);
    const adapter = new CapturingAdapter();
    const deps = { config, store: run.store, deliveries: store, adapters: [adapter], now: () => NOW, log: () => {} };
    expect(await sendDigests(deps, { upTo: '2026-W47', catchUp: false })).toEqual({ sent: 3, failed: 0, unrecorded: 0 });
    expect(new Map(adapter.outs.map((o) => [o.user, o.out.text]))).toEqual(alone);
    expect(run.reads()).toBe(1);
    // boss1's g1 and boss2's g2 are on any platform, so other's g2 is read too; test's g3 is not.
    expect([...run.groupsRead].sort()).toEqual(['other:g2', 'test:g1', 'test:g2']);
  });
});
