import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/bot-harness.js';

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';
const cmd = { addressed: true } as const;

describe('the message why and not formalism are about', () => {
  it('is only the one replied to where the platform has replies: a colleague’s latest demand still counts', async () => {
    const { adapter, store } = await botHarness();
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    // Asked for a reply in words that fit every platform: no WeChat gesture on Slack or DingTalk.
    await adapter.say('误报', cmd);
    expect(adapter.last()!.text).toBe('请回复（或引用）你要说的那条消息来发送这个命令。');
    await adapter.say('why', cmd);
    expect(adapter.last()!.text).toBe('Send this command as a reply to the message you mean.');
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

  it('says in a direct message, where there is nothing to reply to, to send it in the group', async () => {
    const { adapter } = await botHarness();
    await adapter.say('误报', { group: undefined });
    expect(adapter.last()).toMatchObject({
      to: 'private',
      text: '这个命令说的是群里的一条消息：请在群里回复（或引用）那条消息来发送它，我的回答只发给你。',
    });
    await adapter.say('why', { group: undefined });
    expect(adapter.last()!.text).toBe('This command is about a message in a group: send it there, as a reply to that message; my answer goes to you alone.');
  });

  it('quotes the message by whole characters, never half an emoji', async () => {
    const { adapter, store } = await botHarness();
    const text = '请各位家长今晚八点前完成健康打卡哦哦哦😀😀😀😀😀😀😀😀😀😀并截图发群里';
    await adapter.say(text, { id: 'd1', from: 'boss' });
    await store.flush();
    // 24 characters and …: 19 of Chinese and five emoji.
    const shown = '请各位家长今晚八点前完成健康打卡哦哦哦😀😀😀😀😀…';
    await adapter.say('为什么', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text.split('\n')[0]).toBe(`关于「${shown}」：`);
    await adapter.say('误报', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text).toBe(`已将「${shown}」记为误报，不再计入统计。谢谢！`);
  });
});
