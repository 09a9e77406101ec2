import { describe, expect, it } from 'vitest';
import { botHarness, NOW, rulesOnly } from '../support/bot-harness.js';

const cmd = { addressed: true } as const;
// A demand (read receipts) that the built-in rules leave alone; the bots here run without the model.
const QUIET_DEMAND = 'Team, kindly go through the new handbook on the portal and mark it as read by Friday';
const rulesBot = () => botHarness(undefined, rulesOnly());

describe('missed', () => {
  it('keeps the text of a message the bot left alone, with the categories named, privately and without counting it', async () => {
    const { adapter, store } = await rulesBot();
    await adapter.say('lunch at noon?', { id: 'a1' });
    await adapter.say(QUIET_DEMAND, { id: 'q1', from: 'lead' });
    // Asked why, the bot says it flagged nothing and how to report it.
    await adapter.say('why', { ...cmd, replyTo: 'q1' });
    expect(adapter.last()!.text).toBe('That message was not flagged. If it is a formalism demand, reply to it with "missed <categories>".');
    await adapter.say('missed acknowledgements and rankings', { ...cmd, replyTo: 'q1' });
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'u1' });
    expect(adapter.last()!.text).toMatch(/^Recorded as a missed demand/);
    expect((await store.missedDemands()).map((r) => [r.messageId, r.text, r.categories])).toEqual([['q1', QUIET_DEMAND, ['ack-demand', 'ranking-pressure']]]);
    await adapter.say('stats group', cmd);
    expect(adapter.last()!.text).toMatch(/no demands flagged/);
  });

  it("without a reply, where the platform has none (the shell), takes the group's latest message it left alone, passing over bare acknowledgements", async () => {
    const { adapter, store } = await rulesBot();
    adapter.noReplies = true;
    await adapter.say('各位老师，下周一前把本班学生的志愿时长汇总一下发我', { id: 'z1', from: 'lead' });
    await adapter.say('收到', { id: 'z2' });
    await adapter.say('漏报 填表', cmd);
    expect(adapter.last()!.text).toMatch(/^已记为漏报/);
    expect((await store.missedDemands()).map((r) => [r.messageId, r.categories])).toEqual([['z1', ['data-request']]]);
  });

  it("without a reply, where the platform has replies, asks for one in the member's language: a colleague's latest message is not taken", async () => {
    const { adapter, store } = await rulesBot();
    await adapter.say(QUIET_DEMAND, { id: 'q1', from: 'lead' });
    await adapter.say('各位老师，下周一前把本班学生的志愿时长汇总一下发我', { id: 'z1', from: 'colleague' });
    await adapter.say('漏报 点赞', cmd);
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'u1', text: '请回复（或引用）你要说的那条消息来发送这个命令。' });
    await adapter.say('missed likes', cmd);
    expect(adapter.last()!.text).toBe('Send this command as a reply to the message you mean.');
    expect(await store.missedDemands()).toEqual([]);
  });

  it('says there is no message to report when nothing recent was left alone, rather than that a text was lost', async () => {
    const { adapter, store } = await rulesBot();
    adapter.noReplies = true;
    await adapter.say('请全体同事今晚十点前完成打卡并截图发群里', { id: 'f1', from: 'lead' });
    await adapter.say('漏报 接龙', cmd);
    expect(adapter.last()!.text).toMatch(/^我手上没有这个群最近未被标记的消息（.*）。请在要报告的那条消息之后紧接着发“漏报 类别”。$/);
    expect(await store.missedDemands()).toEqual([]);
  });

  it('asks which categories when none or an unknown word is named', async () => {
    const { adapter, store } = await rulesBot();
    await adapter.say(QUIET_DEMAND, { id: 'q1' });
    await adapter.say('missed', { ...cmd, replyTo: 'q1' });
    expect(adapter.last()!.text).toMatch(/^Say what it demands, e\.g\. "missed check-in screenshot"\. Categories: check-ins, /);
    await adapter.say('漏报 点赞 摸鱼', { ...cmd, replyTo: 'q1' });
    expect(adapter.last()!.text).toMatch(/^“摸鱼”不是可用的类别词。请写明它要求什么/);
    expect(await store.missedDemands()).toEqual([]);
  });

  it("says so when it holds no text of an unknown message; a forgotten sender's is taken like anyone's, without text or id", async () => {
    const { adapter, store } = await rulesBot();
    await adapter.say('missed likes', { ...cmd, replyTo: 'never-seen' });
    expect(adapter.last()!.text).toMatch(/^I no longer hold that message's text/);
    expect(await store.missedDemands()).toEqual([]);

    await adapter.say(QUIET_DEMAND, { id: 'q3', from: 'gone' });
    await adapter.say('forget me', { ...cmd, from: 'gone' });
    await store.flush();
    await adapter.say('missed likes', { ...cmd, replyTo: 'q3' });
    expect(adapter.last()!.text).toMatch(/^Recorded as a missed demand/);
    expect((await store.missedDemands()).map((r) => [r.messageId, r.text])).toEqual([['q3', null]]);
    expect(JSON.stringify(await store.missedDemands())).not.toContain('gone');
  });

  it('takes a report on the message of a sender who opted out as any other, keeping neither their text nor their id', async () => {
    const { adapter, store } = await rulesBot();
    await adapter.say('optout', { ...cmd, from: 'shy' });
    await adapter.say(QUIET_DEMAND, { id: 'q2', from: 'shy' });
    await adapter.say(QUIET_DEMAND, { id: 'q4', from: 'open' });
    await adapter.say('missed likes', { ...cmd, replyTo: 'q2' });
    const forOptedOut = adapter.last()!.text;
    await adapter.say('missed likes', { ...cmd, replyTo: 'q4' });
    // The same answer either way: a different one would tell any member who opted out.
    expect(forOptedOut).toBe(adapter.last()!.text);
    expect((await store.missedDemands()).map((r) => [r.messageId, r.text, r.categories])).toEqual([
      ['q2', null, ['like-quota']],
      ['q4', QUIET_DEMAND, ['like-quota']],
    ]);
    expect(JSON.stringify(await store.missedDemands())).not.toContain('shy');
  });

  it('answers the same on a flagged message of a sender who opted out, stored without its text', async () => {
    const { adapter, store } = await rulesBot();
    const flagged = '请全体同事今晚十点前完成打卡并截图发群里';
    await adapter.say('optout', { ...cmd, from: 'shy' });
    await adapter.say(flagged, { id: 'f1', from: 'shy' });
    await adapter.say(flagged, { id: 'f2', from: 'open' });
    await store.flush();
    await adapter.say('漏报 点赞', { ...cmd, replyTo: 'f1' });
    const forOptedOut = adapter.last()!.text;
    await adapter.say('漏报 点赞', { ...cmd, replyTo: 'f2' });
    expect(forOptedOut).toBe(adapter.last()!.text);
    expect((await store.missedDemands()).map((r) => [r.messageId, r.text])).toEqual([
      ['f1', null],
      ['f2', flagged],
    ]);
  });

  it('on a flagged message adds what it lacks and refuses what it already has', async () => {
    const { adapter, store } = await rulesBot();
    await adapter.say('请全体同事今晚十点前完成打卡', { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('漏报 打卡', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text).toBe('这条消息已经标记为这些类别，无需再报。');
    await adapter.say('漏报 排名', { ...cmd, replyTo: 'd1' });
    expect((await store.missedDemands()).map((r) => [r.text, r.categories, r.flaggedFor])).toEqual([
      ['请全体同事今晚十点前完成打卡', ['ranking-pressure'], ['check-in']],
    ]);
  });

  it('is a group command', async () => {
    const { adapter } = await rulesBot();
    await adapter.say('missed likes', { group: null });
    expect(adapter.last()).toMatchObject({ to: 'private', text: 'Send this command in the group.' });
  });

  it('reads back from the platform a message it does not hold (another instance read it, or it restarted), within a day', async () => {
    const { adapter, store } = await rulesBot();
    adapter.held.set('elsewhere', { text: QUIET_DEMAND, senderId: 'lead', ts: NOW - 3_600_000 });
    adapter.held.set('last-week', { text: QUIET_DEMAND, senderId: 'lead', ts: NOW - 7 * 86_400_000 });
    await adapter.say('missed acknowledgements', { ...cmd, replyTo: 'elsewhere' });
    expect(adapter.last()!.text).toMatch(/^Recorded as a missed demand/);
    await adapter.say('missed acknowledgements', { ...cmd, replyTo: 'last-week' });
    expect(adapter.last()!.text).toMatch(/^I no longer hold that message's text/);
    expect((await store.missedDemands()).map((r) => [r.messageId, r.text])).toEqual([['elsewhere', QUIET_DEMAND]]);
  });

  it('keeps nothing of a sender who said forget me after the message, wherever its text comes from', async () => {
    const { adapter, store } = await rulesBot();
    // Another instance read it, then the sender asked to be forgotten: the platform still has it.
    adapter.held.set('before', { text: QUIET_DEMAND, senderId: 'gone', ts: NOW - 3_600_000 });
    await adapter.say('forget me', { ...cmd, from: 'gone' });
    await adapter.say('missed acknowledgements', { ...cmd, replyTo: 'before' });
    expect(adapter.last()!.text).toMatch(/^I no longer hold that message's text/);
    expect(await store.missedDemands()).toEqual([]);
  });

  it('takes a quote of a message it never read as the quote shows it, when the adapter can tell whose it is', async () => {
    const { adapter, store } = await rulesBot();
    const quote = { id: 'quote-a1', text: QUIET_DEMAND, senderId: 'lead' };
    await adapter.say('missed acknowledgements', { ...cmd, quotesUnknown: true, quoted: quote });
    expect(adapter.last()!.text).toMatch(/^Recorded as a missed demand/);
    await adapter.say('missed rankings', { ...cmd, from: 'u2', quotesUnknown: true, quoted: quote });
    expect((await store.missedDemands()).map((r) => [r.messageId, r.text, r.categories])).toEqual([
      ['quote-a1', QUIET_DEMAND, ['ack-demand']],
      ['quote-a1', QUIET_DEMAND, ['ranking-pressure']],
    ]);
    // Why reads it now and finds what the member reported missed; not formalism has nothing to undo.
    await adapter.say('why', { ...cmd, quotesUnknown: true, quoted: quote });
    expect(adapter.last()!.text).toMatch(/^I never flagged that message, and reading the quoted text now I would not/);
    // Whose it is unknown (a name several members go by): refused, not guessed.
    await adapter.say('missed likes', { ...cmd, quotesUnknown: true });
    expect(adapter.last()!.text).toMatch(/^I can't tell which message you quoted/);
  });

  it('keeps no text of a quoted message whose sender opted out or ever said forget me: the quote shows no time', async () => {
    const { adapter, store } = await rulesBot();
    await adapter.say('optout', { ...cmd, from: 'shy' });
    await adapter.say('missed likes', { ...cmd, quotesUnknown: true, quoted: { id: 'quote-s', text: QUIET_DEMAND, senderId: 'shy' } });
    expect(adapter.last()!.text).toMatch(/^Recorded as a missed demand/);
    await adapter.say('forget me', { ...cmd, from: 'gone' });
    await adapter.say('missed likes', { ...cmd, quotesUnknown: true, quoted: { id: 'quote-g', text: QUIET_DEMAND, senderId: 'gone' } });
    expect(adapter.last()!.text).toMatch(/^I no longer hold that message's text/);
    expect((await store.missedDemands()).map((r) => [r.messageId, r.text])).toEqual([['quote-s', null]]);
  });

  it("takes a member's correction in everyday words, or in words it does not know, as the command: never flagged, counted or nudged", async () => {
    // The shipped model, which reads 漏报 报平安 as a demand to report in safely.
    const { adapter, store } = await botHarness((c) => (c.admins.test = ['owner']));
    await adapter.say('config mode nudge', { ...cmd, from: 'owner' });
    await adapter.say('今天天气不错', { id: 'w1', from: 'lead' });
    for (const said of ['漏报 报平安', '漏报 扣1', '漏报 关注公众号', '漏报 观看直播', '漏报 回复1', '漏报 填报 拉票', '漏报 小程序/签到、健康打卡']) {
      await adapter.say(said, { ...cmd, replyTo: 'w1' });
      expect(adapter.last(), said).toMatchObject({ to: 'private', text: '已记为漏报，将用于改进识别；这条消息不计入统计。谢谢！' });
    }
    await adapter.say('漏报 摸鱼 划水', { ...cmd, replyTo: 'w1' });
    expect(adapter.last()).toMatchObject({ to: 'private', text: expect.stringMatching(/^“摸鱼 划水”不是可用的类别词。请写明它要求什么/) });
    // One report of the message, with every category named.
    expect((await store.missedDemands()).map((r) => [r.messageId, r.categories])).toEqual([
      ['w1', ['ack-demand', 'app-install', 'check-in', 'data-request', 'like-quota']],
    ]);
    expect(adapter.flags).toEqual([]);
    expect(adapter.sent.filter((s) => s.to === 'group')).toEqual([]);
    await adapter.say('stats group', cmd);
    expect(adapter.last()!.text).toMatch(/no demands flagged/);
  });
});
