import { expect, it } from 'vitest';
import { TEXTS } from '../../../src/commands/texts.js';
import { botHarness } from '../../support/bot-harness.js';
import { describeEngines } from '../../support/databases.js';

const cmd = { addressed: true } as const;

describeEngines('optin', (engine) => {
  it('after `forget me` says, in the member’s language, what stats then says: no personal figures are kept', async () => {
    const db = await engine.fresh();
    const { adapter, store } = await botHarness((c) => (c.db = db));
    const group = { id: 'g1', name: '教务处工作群', memberCount: 11, members: ['boss', 'han', 'li'] };
    await adapter.say('退出统计', { ...cmd, group, from: 'han' });
    await adapter.say('删除我的数据', { ...cmd, group, from: 'han' });
    await adapter.say('加入统计', { ...cmd, group, from: 'han' });
    expect(adapter.last()).toMatchObject({
      to: 'private',
      id: 'han',
      text: '已加入统计，你之后的消息将按你的账号记录。你已删除过自己的数据，删除后不再为你保留个人统计。',
    });
    await adapter.say('统计', { ...cmd, group, from: 'han' });
    expect(adapter.last()!.text).toBe(TEXTS.forgottenStats('zh'));
    await adapter.say('optin', { ...cmd, group, from: 'han' });
    expect(adapter.last()!.text).toBe(
      'Done: your new messages are recorded under your id. You erased your data (forget me): personal stats are not kept after an erasure.',
    );
    // What the answer says of new messages holds: the opt-out is gone (sent after the erasure, by the clock it was noted with).
    await adapter.say('请全体同事今晚十点前完成打卡并截图发群里', { group, from: 'han', id: 'after', ts: Date.now() + 60_000 });
    await store.flush();
    expect((await store.message('test', 'after'))?.senderId).toBe('han');
    // One never erased has their stats back.
    await adapter.say('退出统计', { ...cmd, group, from: 'li' });
    await adapter.say('加入统计', { ...cmd, group, from: 'li' });
    expect(adapter.last()!.text).toBe(TEXTS.optedIn('zh'));
  });
});
