import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/bot-harness.js';

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';
const cmd = { addressed: true } as const;

describe('the message why and not formalism are about', () => {
  it('is only the one replied to where the platform has replies: a colleague’s latest demand still counts', async () => {
    const { adapter, store } = await botHarness();
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('误报', cmd);
    expect(adapter.last()!.text).toMatch(/^请先回复/);
    await adapter.say('why', cmd);
    expect(adapter.last()!.text).toMatch(/^Reply to/);
    expect(await store.falsePositives()).toEqual([]);
    expect((await store.message('test', 'd1'))?.categories).toContain('check-in');
  });

  it("is the group's latest flagged message where the platform has no replies (the shell)", async () => {
    const { adapter, store } = await botHarness();
    adapter.noReplies = true;
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('why', cmd);
    expect(adapter.last()!.text).toMatch(/rule check-in\/\S+\): matched/);
    await adapter.say('not formalism', cmd);
    expect(adapter.last()!.text).toBe(`Recorded "${DEMAND}" as a false positive; it no longer counts. Thank you.`);
    await adapter.say('why', cmd);
    expect(adapter.last()!.text).toBe('Nothing has been flagged in this group lately.');
  });
});
