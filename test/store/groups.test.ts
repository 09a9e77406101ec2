import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { InputError } from '../../src/core/errors.js';
import { collect, rec, tempStore } from './fixtures.js';

describeEngines('groups', (engine) => {
  it('upserts group info and reads it back for reports', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'slack', id: 'C1', name: 'ops', memberCount: 58, memberIds: ['U2', 'U1', 'U1'], seenAt: 2000 });
    await store.upsertGroup({ platform: 'slack', id: 'C1', seenAt: 1000 }); // absent fields keep what is stored
    expect(await store.group('slack', 'C1')).toEqual({
      id: 'C1',
      name: 'ops',
      members: 58,
      memberIds: ['U1', 'U2'],
      unlisted: 0,
      firstSeen: 1000,
      lastSeen: 2000,
    });
    await store.upsertGroup({ platform: 'slack', id: 'C1', memberIds: ['U3'] }); // a new list replaces the old, and its size the count
    expect(await store.group('slack', 'C1')).toMatchObject({ members: 1, memberIds: ['U3'] });
    await store.upsertGroup({ platform: 'slack', id: 'C2', memberIds: ['U1', 'U4'] }); // count from the list, name from the id
    await store.upsertGroup({ platform: 'wechat', id: 'R1', name: 'room' });
    expect(await store.groups('slack')).toEqual([
      { platform: 'slack', id: 'C1', name: 'ops', members: 1, memberIds: ['U3'], unlisted: 0, firstSeen: 1000, lastSeen: 2000 },
      { platform: 'slack', id: 'C2', name: 'C2', members: 2, memberIds: ['U1', 'U4'], unlisted: 0, firstSeen: null, lastSeen: null },
    ]);
    expect((await store.groups()).map((g) => g.id)).toEqual(['C1', 'C2', 'R1']);
    expect(await store.group('slack', 'nope')).toBeUndefined();
  });

  it('reads only the groups asked for by id, with only their members, on one platform or on every one', async () => {
    const store = await tempStore({}, await engine.fresh());
    for (const [platform, id, member] of [
      ['slack', 'C1', 'U1'],
      ['slack', 'C2', 'U2'],
      ['slack', 'C3', 'U3'],
      ['feishu', 'C2', 'ou_2'],
    ]) {
      await store.upsertGroup({ platform, id, name: `${platform} ${id}`, memberIds: [member, `${member}b`] });
    }
    const read = async (platform: string | undefined, ids: string[]) =>
      (await store.groups(platform, ids)).map((g) => [g.platform, g.id, g.name, ...g.memberIds].join(' '));
    // A digest for the supervisor of one group read every group's members: a million and more.
    expect(await read('slack', ['C2', 'C3', 'nope'])).toEqual(['slack C2 slack C2 U2 U2b', 'slack C3 slack C3 U3 U3b']);
    expect(await read(undefined, ['C2'])).toEqual(['feishu C2 feishu C2 ou_2 ou_2b', 'slack C2 slack C2 U2 U2b']);
    expect(await read('slack', [])).toEqual([]);
    expect((await store.groups('slack')).map((g) => g.id)).toEqual(['C1', 'C2', 'C3']);
  });

  it("names the people of a scope's groups: their listed members and who wrote in them in a period, with the names known for them", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'slack', id: 'C1', name: 'ops', memberIds: ['U1', 'U2'] });
    await Promise.all([
      store.add(rec('m1', { senderId: 'U1', senderName: 'Li', ts: 1_000 })),
      store.add(rec('m2', { senderId: 'U3', senderName: 'Chen', ts: 2_000 })),
      store.add(rec('m3', { senderId: 'U4', senderName: 'Wang', ts: 9_000 })), // outside the period, not listed
      store.add(rec('m4', { groupId: 'C2', senderId: 'U5', senderName: 'Zhao', ts: 2_000 })), // another group
    ]);
    const people = await store.peopleOf({ platform: 'slack', groupIds: ['C1'], from: 0, to: 5_000 });
    // U2 is listed with no known name: a text may still mention it by id (<@U2>).
    expect(people.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
      { id: 'U1', names: ['Li'] },
      { id: 'U2', names: [] },
      { id: 'U3', names: ['Chen'] },
    ]);
    const all = await store.peopleOf({ from: 0, to: 5_000 });
    expect(all.map((p) => p.id).sort()).toEqual(['U1', 'U2', 'U3', 'U5']);
  });

  it("names everyone a scope's groups have known in any week, group by group, for a digest run to read once", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'slack', id: 'C1', name: 'ops', memberIds: ['U1', 'U2'] });
    await Promise.all([
      store.add(rec('m1', { senderId: 'U1', senderName: 'Li', ts: 1_000 })),
      store.add(rec('m2', { senderId: 'U3', senderName: 'Chen', ts: 9_000_000 })),
      store.add(rec('m3', { groupId: 'C2', senderId: 'U1', senderName: 'Li', ts: 2_000 })),
      store.add(rec('m4', { platform: 'dingtalk', groupId: 'C1', senderId: 'U3', senderName: 'Wang', ts: 2_000 })),
    ]);
    await store.upsertGroup({ platform: 'slack', id: 'C3', name: 'hr', memberIds: ['U7'] });
    expect(await store.groupPeople({})).toEqual([
      { platform: 'dingtalk', groupId: 'C1', id: 'U3', names: ['Wang'] },
      { platform: 'slack', groupId: 'C1', id: 'U1', names: ['Li'] },
      { platform: 'slack', groupId: 'C2', id: 'U1', names: ['Li'] },
      { platform: 'slack', groupId: 'C1', id: 'U2', names: [] },
      { platform: 'slack', groupId: 'C1', id: 'U3', names: ['Chen'] },
      { platform: 'slack', groupId: 'C3', id: 'U7', names: [] },
    ]);
    // Only the scope's groups are read: C1 on any platform, or on one; C2 and C3 are not.
    expect(await store.groupPeople({ groupIds: ['C1'] })).toEqual([
      { platform: 'dingtalk', groupId: 'C1', id: 'U3', names: ['Wang'] },
      { platform: 'slack', groupId: 'C1', id: 'U1', names: ['Li'] },
      { platform: 'slack', groupId: 'C1', id: 'U2', names: [] },
      { platform: 'slack', groupId: 'C1', id: 'U3', names: ['Chen'] },
    ]);
    expect((await store.groupPeople({ platform: 'slack', groupIds: ['C1', 'C3'] })).map((p) => `${p.groupId}:${p.id}`)).toEqual([
      'C1:U1',
      'C1:U2',
      'C1:U3',
      'C3:U7',
    ]);
    // A run's groups can be more than either engine binds as parameters (SQLite 32,766, PostgreSQL 65,535).
    const many = Array.from({ length: 70_000 }, (_, i) => `X${i}`);
    expect((await store.groupPeople({ groupIds: [...many, 'C2'] })).map((p) => `${p.groupId}:${p.id}`)).toEqual(['C2:U1']);
  });

  it('keeps per-group settings, with defaults until set, and refuses settings it could not apply', async () => {
    const store = await tempStore({}, await engine.fresh());
    expect(await store.groupSettings('slack', 'C1')).toEqual({ mode: 'silent', disabledRules: [] });
    const settings = { mode: 'nudge' as const, disabledRules: ['check-in/zh-1'], coverage: 'full' as const, language: 'zh' as const, supervisors: ['U9'] };
    await store.updateGroupSettings('slack', 'C1', () => settings);
    expect(await store.groupSettings('slack', 'C1')).toEqual(settings);
    await expect(store.updateGroupSettings('slack', 'C1', () => ({ ...settings, mode: 'loud' as never }))).rejects.toThrow(
      new InputError('group settings: mode: expected silent or nudge'),
    );
    await expect(store.updateGroupSettings('slack', 'C1', () => ({ ...settings, coverage: 'everything' as never }))).rejects.toBeInstanceOf(InputError);
    expect(await store.groupSettings('slack', 'C1')).toEqual(settings);
    // Settings of a group never seen before make the group known.
    expect((await store.group('slack', 'C1'))?.name).toBe('C1');
  });

  it('merges a group into another: messages, members, name, settings and leads move', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'wechat', id: 'old', name: '办公室', memberCount: 3, memberIds: ['a', 'b', 'c'], seenAt: 100 });
    await store.updateGroupSettings('wechat', 'old', () => ({ mode: 'nudge', disabledRules: [] }));
    await store.add(rec('m1', { platform: 'wechat', groupId: 'old', ts: 100, cats: ['check-in'] }));
    await store.add(rec('m2', { platform: 'wechat', groupId: 'new', ts: 300 })); // after re-login: a new id, nothing known
    await store.addLead('wechat', 'old', 'a lead', 150);
    await store.mergeGroup('wechat', 'old', 'new');
    expect(await store.group('wechat', 'old')).toBeUndefined();
    expect(await store.group('wechat', 'new')).toEqual({
      id: 'new',
      name: '办公室',
      members: 3,
      memberIds: ['a', 'b', 'c'],
      unlisted: 0,
      firstSeen: 100,
      lastSeen: 300,
    });
    expect(await store.groupSettings('wechat', 'new')).toEqual({ mode: 'nudge', disabledRules: [] });
    expect((await collect(store.records({ from: 0, to: 1000 }))).map((r) => [r.id, r.groupId])).toEqual([
      ['m1', 'new'],
      ['m2', 'new'],
    ]);
    expect((await store.leads({ from: 0, to: 1000 })).map((l) => l.groupId)).toEqual(['new']);
    expect((await store.categoryTotals({ from: 0, to: 1000, groupIds: ['new'] }))['check-in'].count).toBe(1);
  });

  it('merges from a group never stored: nothing fails, nothing changes', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'wechat', id: 'new', name: '办公室', seenAt: 300 });
    await store.add(rec('m1', { platform: 'wechat', groupId: 'new', ts: 300 }));
    // Before, its count of forgotten members was NULL, and the whole merge failed on NOT NULL.
    await store.mergeGroup('wechat', 'gone', 'new');
    expect((await collect(store.records({ from: 0, to: 1000 }))).map((r) => [r.id, r.groupId])).toEqual([['m1', 'new']]);
    expect((await store.group('wechat', 'new'))?.unlisted).toBe(0);
  });

  it("reads the groups' supervisors from their settings alone, by platform and id", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'slack', id: 'C2', memberIds: ['U1', 'U2'] });
    await store.updateGroupSettings('slack', 'C2', (s) => ({ ...s, supervisors: ['王主任', 'U9'] }));
    await store.updateGroupSettings('feishu', 'oc1', (s) => ({ ...s, supervisors: ['李校长'] }));
    await store.updateGroupSettings('slack', 'C1', (s) => ({ ...s, supervisors: ['U9'] }));
    // Settings without supervisors, or none left, and a group never configured: none of them.
    await store.updateGroupSettings('slack', 'C3', (s) => ({ ...s, mode: 'nudge' }));
    await store.updateGroupSettings('slack', 'C4', (s) => ({ ...s, supervisors: [] }));
    await store.upsertGroup({ platform: 'slack', id: 'C5', memberIds: ['U1'] });
    expect(await store.groupSupervisors()).toEqual([
      { platform: 'feishu', id: 'oc1', supervisors: ['李校长'] },
      { platform: 'slack', id: 'C1', supervisors: ['U9'] },
      { platform: 'slack', id: 'C2', supervisors: ['王主任', 'U9'] },
    ]);
  });
});
