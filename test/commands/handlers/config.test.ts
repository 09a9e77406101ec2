import { expect, it } from 'vitest';
import { botHarness } from '../../support/bot-harness.js';
import { describeEngines } from '../../support/databases.js';

const admin = { addressed: true, from: 'owner' } as const;

describeEngines('config on two instances sharing a database', (engine) => {
  it('keeps both of two settings changes made at once, each admin told it is saved', async () => {
    const db = await engine.fresh();
    const a = await botHarness((c) => (c.db = db));
    const b = await botHarness((c) => (c.db = db));
    // Neither admin is let through before both asked: each change starts before the other is stored.
    let release = () => {};
    const both = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    for (const { adapter } of [a, b]) {
      adapter.isGroupAdmin = async () => {
        if (++asked === 2) release();
        await both;
        return true;
      };
    }
    await Promise.all([
      b.adapter.say('设置 语言 英文', { ...admin, id: 'b1' }),
      a.adapter.say('设置 关闭规则 check-in/zh-deadline-clock-in', { ...admin, id: 'a1' }),
    ]);
    expect([a.adapter.last()!.text, b.adapter.last()!.text]).toEqual([expect.stringMatching(/^已保存/), expect.stringMatching(/^已保存/)]);
    expect(await a.store.groupSettings('test', 'g1')).toMatchObject({ language: 'en', disabledRules: ['check-in/zh-deadline-clock-in'] });
  });
});
