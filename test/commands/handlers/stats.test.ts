import { expect, it } from 'vitest';
import { botHarness } from '../../support/bot-harness.js';
import { describeEngines } from '../../support/databases.js';

const cmd = { addressed: true } as const;

describeEngines('stats group', (engine) => {
  it("names no member who opted out or was forgotten in the group's name", async () => {
    const db = await engine.fresh();
    const { adapter, store } = await botHarness((c) => (c.db = db));
    const wang = { id: 'w1', name: '王小明' };
    const alice = { id: 'a1', name: 'Alice Chen' };
    const mine = { id: 'g1', name: '王小明的工作群', memberCount: 11 };
    const team = { id: 'g2', name: "Alice Chen's team", memberCount: 11 };
    await adapter.say('大家好', { group: mine, sender: wang });
    await adapter.say('hi all', { group: team, sender: alice });
    await adapter.say('请全体同事今晚十点前完成打卡并截图发群里', { group: mine, from: 'boss' });
    await store.flush();
    await adapter.say('退出统计', { ...cmd, group: mine, sender: wang });
    await adapter.say('forget me', { ...cmd, group: team, sender: alice });

    // Posted in the group, so everyone there reads it: 成员N / Member N, as the digest shows them.
    await adapter.say('统计 本群', { ...cmd, group: mine });
    expect(adapter.last()).toMatchObject({ to: 'group', text: expect.stringMatching(/^「成员1的工作群」本周（11月23日—29日）共有 1 条/) });
    await adapter.say('stats group', { ...cmd, group: team });
    expect(adapter.last()!.text).toMatch(/^Member 1's team this week \(23–29 Nov\): no demands flagged/);
  });

  it("keeps whole a member's name that holds a hidden one (张三丰's group with 张三 forgotten)", async () => {
    const db = await engine.fresh();
    const { adapter, store } = await botHarness((c) => (c.db = db));
    const zhang = { id: 'z1', name: '张三' };
    const group = { id: 'g1', name: '张三丰的小组', memberCount: 11 };
    await adapter.say('大家好', { group, sender: zhang });
    await adapter.say('收到', { group, sender: { id: 'z2', name: '张三丰' } });
    await store.flush();
    await adapter.say('forget me', { ...cmd, group, sender: zhang });
    await adapter.say('统计 本群', { ...cmd, group });
    expect(adapter.last()).toMatchObject({ to: 'group', text: expect.stringMatching(/^「张三丰的小组」本周/) });
  });
});

describeEngines('stats', (engine) => {
  it('tells a member who said `forget me` that personal stats are not kept, in their language, not a false zero', async () => {
    const db = await engine.fresh();
    const { adapter, store } = await botHarness((c) => (c.db = db));
    const group = { id: 'g1', name: '教务处工作群', memberCount: 11, members: ['boss', 'han'] };
    await adapter.say('请全体同事今晚十点前完成打卡并截图发群里', { group, from: 'boss' });
    await store.flush();
    await adapter.say('删除我的数据', { ...cmd, group, from: 'han' });
    await adapter.say('统计', { ...cmd, group, from: 'han' });
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'han', text: '你已删除过自己的数据，删除后不再为你保留个人统计。' });
    await adapter.say('stats', { ...cmd, group, from: 'han' });
    expect(adapter.last()!.text).toBe('You erased your data (forget me): personal stats are not kept after an erasure.');
  });
});
