import { commandKey, doneKey, leadMarks } from '../../src/core/command-key.js';
import { describe, expect, it } from 'vitest';
import { botHarness, NOW } from '../support/bot-harness.js';
import { ruleDir, ruleYaml } from '../support/rules.js';

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';
const cmd = { addressed: true } as const;

describe('chat commands', () => {
  it('stats group answers the group week in the group, with person-minutes and categories', async () => {
    const { adapter, store } = await botHarness();
    await adapter.say(DEMAND, { from: 'boss' });
    await store.flush();
    await adapter.say('stats group', cmd);
    const answer = adapter.last()!;
    expect(answer.to).toBe('group');
    expect(answer.text).toMatch(/^ops this week \(23–29 Nov\): 1 possible formalism demand, about \d+ person-minutes/);
    // One demand of two categories: the counts add up to more than the demands, and it says why.
    expect(answer.text).toContain('By category (a message can be in several): check-ins 1, proof screenshots 1.');
    await adapter.say('统计 本群', cmd);
    expect(adapter.last()!.text).toMatch(
      /^「ops」本周（11月23日—29日）共有 1 条疑似形式主义要求，合计约 \d+ 人·分钟（[\d.]+ 人·小时）；上周没有。按类别（一条消息可属多类）：打卡签到 1 条、截图留痕 1 条。$/,
    );
    // Posted in the group, it is in the group's language once its admins set one, whoever asks.
    await store.updateGroupSettings('test', 'g1', (s) => ({ ...s, language: 'zh' }));
    await adapter.say('stats group', cmd);
    expect(adapter.last()!.text).toMatch(/^「ops」本周/);
  });

  it("stats answers the member's own burden privately, and not after optout", async () => {
    const { adapter, store } = await botHarness();
    await adapter.say('hi', { from: 'u1', group: { id: 'g1', name: 'ops', memberCount: 11, members: ['u1', 'boss'] } });
    await adapter.say(DEMAND, { from: 'boss' });
    await store.flush();
    await adapter.say('stats', cmd);
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'u1' });
    expect(adapter.last()!.text).toMatch(/^You this week \(23–29 Nov\): 1 possible formalism demand/);
    await adapter.say('退出统计', cmd);
    expect(adapter.last()!.text).toContain('已退出');
    await adapter.say('stats me', cmd);
    expect(adapter.last()!.text).toContain('opted out');
  });

  it('config is refused for members and accepted for platform admins and configured admins', async () => {
    const { adapter } = await botHarness((c) => (c.admins.test = ['listed']));
    adapter.admins.add('owner');
    await adapter.say('设置 模式 提醒', { ...cmd, from: 'member' });
    expect(adapter.last()!.text).toBe('只有群主或群管理员可以修改设置。');
    await adapter.say('config mode nudge', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/^Saved: mode nudge.*\nNudge mode is on: /);
    await adapter.say('config mode silent', { ...cmd, from: 'listed' });
    expect(adapter.last()!.text).toMatch(/^Saved: mode silent/);
    await adapter.say('config colour blue', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/^Unknown setting "colour"/);
    await adapter.say('config disable no/such-rule', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toBe('There is no rule no/such-rule.');
    await adapter.say('设置 关闭规则', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/^请写规则编号，例如：设置 关闭规则 [a-z-]+\/zh-/);
    await adapter.say('设置 语言 中文', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toBe('已保存。模式：静默；已关闭的规则：无；语言：中文；周报接收人：未设置');
    await adapter.say('设置 语言 法语', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toBe('语言只能设为“中文”（zh）、“英文”（en）或“自动”（auto）');
    // Values read as the command words are, in any case, and a colon as Chinese input methods type it.
    await adapter.say('config mode NUDGE', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/^Saved: mode nudge/);
    await adapter.say('设置 模式：静默', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/^已保存。模式：静默/);
    await adapter.say('Config Show', { ...cmd, from: 'member' });
    expect(adapter.last()!.text).toMatch(/^mode silent; /);
    await adapter.say('设置 好了吗', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toBe('没有“好了吗”这个设置项。可用的设置项：模式、关闭规则、开启规则、语言、周报接收人、取消周报接收人、查看');
  });

  it('why explains the replied-to finding; not formalism makes it stop counting', async () => {
    const { adapter, store } = await botHarness();
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('why', { ...cmd, replyTo: 'd1' });
    const why = adapter.last()!;
    expect(why.to).toBe('private');
    expect(why.text.split('\n')[0]).toBe(`About "${DEMAND}":`);
    expect(why.text).toMatch(/rule check-in\/\S+\): matched "[^"]+"/);
    await adapter.say('not formalism', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text).toBe(`Recorded "${DEMAND}" as a false positive; it no longer counts. Thank you.`);
    await adapter.say('stats group', cmd);
    expect(adapter.last()!.text).toMatch(/no demands flagged/);
    await adapter.say('why', { ...cmd, replyTo: 'nope' });
    expect(adapter.last()!.text).toMatch(/^That message was not flagged\./);
    await adapter.say('why', { ...cmd, group: undefined });
    expect(adapter.last()!.text).toMatch(/^This command is about a message in a group/);
  });

  it("answers a quote of a message the adapter could not identify as such, never for the group's latest", async () => {
    const { adapter, store } = await botHarness();
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    const quoting = { ...cmd, quotesUnknown: true };
    await adapter.say('why', quoting);
    expect(adapter.last()!.text).toBe("I can't tell which message you quoted (it may be from before I last started); quote a newer one.");
    await adapter.say('误报', quoting);
    expect(adapter.last()!.text).toBe('找不到你引用的那条消息（可能是机器人重启之前发的），请引用一条较新的消息。');
    await adapter.say('missed likes', quoting);
    expect(adapter.last()!.text).toMatch(/^I can't tell which message you quoted/);
    expect([await store.falsePositives(), await store.missedDemands()]).toEqual([[], []]);
    // Without the quote the same commands take the group's latest flagged message on the shell.
    adapter.noReplies = true;
    await adapter.say('why', cmd);
    expect(adapter.last()!.text).toMatch(/rule check-in\/\S+\): matched/);
  });

  it('a rule switched off in one group stays on in the others, also those that never changed a setting', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('why', { ...cmd, replyTo: 'd1' });
    const rule = /rule (check-in\/\S+)\)/.exec(adapter.last()!.text)![1];
    await adapter.say(`config disable ${rule}`, { ...cmd, from: 'owner' });
    const other = { id: 'g2', name: 'hr', memberCount: 8 };
    await adapter.say(DEMAND, { id: 'd2', from: 'boss', group: other });
    await store.flush();
    expect((await store.message('test', 'd2'))?.findings.map((f) => f.rule)).toContain(rule);
    await adapter.say('config', { ...cmd, from: 'owner', group: other });
    expect(adapter.last()!.text).toMatch(/disabled rules -;/);
  });

  it('finds a quoted message it flagged by sender and text when the quote carries no id (WeChat after a restart)', async () => {
    const { adapter, store } = await botHarness();
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await adapter.say('请大家下班前把本周值班表确认一下', { id: 'd2', from: 'boss' });
    await store.flush();
    const quoting = { ...cmd, quotesUnknown: true, quoted: { id: 'quote-x', text: DEMAND, senderId: 'boss' } };
    await adapter.say('why', quoting);
    expect(adapter.last()!.text).toMatch(/^· check-ins \(rule check-in\/\S+\): matched/m);
    await adapter.say('漏报 点赞', quoting);
    expect((await store.missedDemands()).map((r) => [r.messageId, r.flaggedFor])).toEqual([['d1', ['check-in', 'proof-demand']]]);
    await adapter.say('not formalism', quoting);
    expect(adapter.last()!.text).toMatch(/false positive/);
    expect((await store.falsePositives()).map((f) => f.messageId)).toEqual(['d1']);
  });

  it('reads a quoted message it never flagged now, says so, and has nothing to undo', async () => {
    const { adapter, store } = await botHarness();
    const quote = (text: string) => ({ ...cmd, quotesUnknown: true, quoted: { id: 'quote-y', text, senderId: 'boss' } });
    await adapter.say('why', quote(DEMAND));
    const why = adapter.last()!;
    expect(why.to).toBe('private');
    expect(why.text.split('\n')[0]).toBe('I never flagged that message (I may not have read it). Reading the quoted text now:');
    expect(why.text.split('\n')[1]).toMatch(/^· check-ins \(rule check-in\/\S+\): matched/);
    await adapter.say('为什么', quote('明天上午九点在三楼会议室开周例会'));
    expect(adapter.last()!.text).toBe('我当时没有标记这条消息，按现在的规则和模型重新判断也不会标记。如果它是形式主义要求，请引用它发送“漏报 类别”。');
    await adapter.say('not formalism', quote(DEMAND));
    expect(adapter.last()!.text).toMatch(/^I hold no flagged record of that message/);
    // The same text from someone else is another message: not this quote's to explain or undo.
    await adapter.say(DEMAND, { id: 'd3', from: 'other' });
    await store.flush();
    await adapter.say('not formalism', quote(DEMAND));
    expect(adapter.last()!.text).toMatch(/^I hold no flagged record of that message/);
    expect(await store.falsePositives()).toEqual([]);
  });

  it('reads a quoted message as the group has its rules: a rule switched off stays off', async () => {
    const { adapter } = await botHarness();
    adapter.admins.add('admin');
    const quoting = { ...cmd, quotesUnknown: true, quoted: { id: 'quote-z', text: DEMAND, senderId: 'boss' } };
    await adapter.say('why', quoting);
    const rule = /rule (check-in\/\S+)\)/.exec(adapter.last()!.text)![1];
    await adapter.say(`config disable ${rule}`, { ...cmd, from: 'admin' });
    expect(adapter.last()!.text).toMatch(/^Saved/);
    await adapter.say('why', quoting);
    expect(adapter.last()!.text).not.toContain(rule);
  });

  it("why describes the rule wholly in the asker's language: Chinese to 为什么, English to why", async () => {
    const { adapter, store } = await botHarness();
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('为什么', { ...cmd, replyTo: 'd1' });
    const zh = adapter.last()!.text;
    expect(zh).toContain('（规则 check-in/zh-deadline-clock-in）');
    expect(zh).toContain('要求全群在规定时间内打卡、签到或签退，通常在App或群里完成。');
    // No English sentence: not even three Latin words in a row.
    expect(zh).not.toMatch(/[a-z]+ [a-z]+ [a-z]+/i);
    await adapter.say('why', { ...cmd, replyTo: 'd1' });
    const en = adapter.last()!.text;
    expect(en).toContain('(rule check-in/zh-deadline-clock-in)');
    expect(en).toContain('The group is told to clock in, sign in or sign out');
    expect(en).not.toContain('要求全群');
  });

  it("why shows a custom rule's plain string description to either language", async () => {
    const custom = ruleDir({ 'check-in/morning-reading.yaml': ruleYaml('  any: [晨读]\n  all: [zh-audience]') });
    const { adapter, store } = await botHarness((c) => (c.rules = [custom]));
    await adapter.say('各位家长：请孩子每天晨读并在群里发语音', { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('为什么', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text.split('\n')[1]).toBe('· 打卡签到（规则 check-in/morning-reading）：匹配“晨读”。test rule');
    await adapter.say('why', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text.split('\n')[1]).toBe('· check-ins (rule check-in/morning-reading): matched "晨读". test rule');
  });

  it("why names the model's strongest cues for its own finding, leaving out lone characters", async () => {
    const { adapter, store } = await botHarness();
    // No rule matches this; the model flags it alone, its strongest cue 日志.
    await adapter.say('老师们把本周的工作日志发一下', { id: 'd1', from: 'boss' });
    await store.flush();
    expect((await store.message('test', 'd1'))?.findings.map((f) => f.rule)).toEqual(['model/check-in']);
    await adapter.say('为什么', { ...cmd, replyTo: 'd1' });
    const line = adapter.last()!.text.split('\n')[1];
    const cues = /^· 打卡签到（模型 model\/check-in，得分 0\.\d\d，未匹配任何规则）：主要线索词 (.+)$/.exec(line)![1].split('、');
    expect(cues[0]).toMatch(/^“日志”（\+\d+\.\d\d）$/);
    // Each cue a word of two characters or more, with its weight: no lone 们.
    for (const cue of cues) expect(cue).toMatch(/^“[^”]{2,}”（\+\d+\.\d\d）$/);
  });

  it('an admin names a supervisor by a mention: @王主任 is 王主任, <@U0SUPER> is U0SUPER', async () => {
    const { adapter } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('设置 周报接收人 @王主任', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任$/);
    await adapter.say('config supervisor <@U0SUPER>', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/supervisors 王主任, U0SUPER$/);
    // Only the first mention: the one after it is the bot's, and a closing mark ends the sentence.
    await adapter.say('设置 周报接收人 @赵主任 @fingertip', { ...cmd, from: 'owner' });
    await adapter.say('设置 周报接收人 @钱主任。', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任、U0SUPER、赵主任、钱主任$/);
  });

  it('reads a setting written in traditional characters, keeping the name it sets as written', async () => {
    const { adapter } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('設置 周報接收人 陳主任', { ...cmd, from: 'owner' });
    await adapter.say('設置 語言 英文', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toBe('已保存。模式：静默；已关闭的规则：无；语言：英文；周报接收人：陳主任');
  });

  it("an admin silences the model's own flags of one category with config disable model/<category>", async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say('config disable model/check-in', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/^Saved: .*disabled rules model\/check-in/);
    await adapter.say('老师们把本周的工作日志发一下', { id: 'd1', from: 'boss' });
    await store.flush();
    expect((await store.message('test', 'd1'))?.findings).toEqual([]);
    await adapter.say('config disable model/no-such-category', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toBe('There is no rule model/no-such-category.');
  });

  it('report stores an anonymous lead; forget me erases the name', async () => {
    const { adapter, store } = await botHarness();
    await adapter.say('反映 每天要在三个群里重复报同一张表', cmd);
    // Said in the group, the group read it: the thanks says so, privately.
    expect(adapter.last()).toMatchObject({ to: 'private', text: '已匿名记录，将汇入下一期周报。提醒：在群里发的内容其他成员也能看到，下次可以私信我。' });
    // A direct message, or a slash command only the bot sees, was read by no one else.
    const sentAt = Date.UTC(2026, 10, 24, 2, 5);
    await adapter.say('反映 周报能不能只发一次', { ...cmd, group: null, id: 'D0ALICE/1796600000.000100', ts: sentAt });
    expect(adapter.last()!.text).toBe('已匿名记录，将汇入下一期周报。');
    await adapter.say('反映 群太多了', { ...cmd, toBotOnly: true });
    expect(adapter.last()!.text).toBe('已匿名记录，将汇入下一期周报。');
    const leads = await store.leads({ from: NOW - 86_400_000, to: NOW + 7 * 86_400_000 });
    expect(leads.map((l) => l.text).sort()).toEqual(['周报能不能只发一次', '每天要在三个群里重复报同一张表', '群太多了']);
    for (const l of leads) expect(l.ts % (15 * 60_000)).toBe(0);
    // Nothing kept ties a lead to its message: the command's one mark left is made of the lead and the quarter hour it was sent in.
    const dm = leads.find((l) => l.groupId === null)!;
    expect(await store.seenAt('test', leadMarks('test', null, dm.text, sentAt).done)).toBe(dm.ts);
    for (const mark of ['command:D0ALICE/1796600000.000100', commandKey('D0ALICE/1796600000.000100'), doneKey('D0ALICE/1796600000.000100')])
      expect(await store.seen('test', mark)).toBe(false);
    expect(JSON.stringify(leads)).not.toContain('u1');
    await adapter.say(DEMAND, { from: 'u1', id: 'mine' });
    await store.flush();
    await adapter.say('forget me', cmd);
    const record = await store.message('test', 'mine');
    expect(record?.senderId).not.toBe('u1');
    expect(record?.senderName ?? null).toBeNull();
    // Asked why, another member learns the rules that fired, and not that the sender chose privacy.
    await adapter.say('为什么', { ...cmd, from: 'u2', replyTo: 'mine' });
    expect(adapter.last()!.text).toContain('：所依据的文字没有保存。');
    expect(adapter.last()!.text).not.toMatch(/隐私|退出|删除|发送人/);
    expect(adapter.last()!.text).not.toContain('“”');
  });

  it('a member asking about a command that changes something gets the help, and nothing changes', async () => {
    const { adapter, store } = await botHarness();
    await adapter.say(DEMAND, { from: 'u1', id: 'mine' });
    await store.flush();
    await adapter.say('今天天气不错', { id: 'chat', from: 'u2' });
    for (const asked of [
      '删除我的数据吗',
      '删除我的数据吗？',
      '退出统计嘛',
      '退出统计？',
      'optout?',
      '误报？',
      'not formalism?',
      '漏报 接龙？',
      'missed likes?',
    ]) {
      await adapter.say(asked, { ...cmd, replyTo: asked.startsWith('漏报') || asked.startsWith('missed') ? 'chat' : 'mine' });
      expect(adapter.last(), asked).toMatchObject({ to: 'private', text: expect.stringMatching(/^(我是 fingertip|I'm fingertip)/) });
    }
    expect(await store.isOptedOut('test', 'u1')).toBe(false);
    expect([await store.falsePositives(), await store.missedDemands()]).toEqual([[], []]);
    expect(await store.message('test', 'mine')).toMatchObject({ senderId: 'u1', senderName: 'u1' });
  });

  it('understands the natural phrasings of Chinese members, and keeps chat that opens with them a message', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('owner');
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    await adapter.say('＠fingertip 统计', cmd);
    expect(adapter.last()).toMatchObject({ to: 'private', text: expect.stringMatching(/^你本周（11月23日—29日）/) });
    await adapter.say('设置 周报接收人 ＠王主任', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/周报接收人：王主任$/);
    await adapter.say('設定 模式 提醒', { ...cmd, from: 'owner' });
    expect(adapter.last()!.text).toMatch(/^已保存。模式：提醒/);
    await adapter.say('为什么呢', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text).toMatch(/^关于「/);
    // Chat is stored as a message and gets no answer.
    const answers = adapter.sent.length;
    await adapter.say('这是误报的数据', { ...cmd, id: 'chat1', from: 'boss' });
    await store.flush();
    expect(await store.message('test', 'chat1')).toMatchObject({ senderId: 'boss' });
    expect(adapter.sent.length).toBe(answers);
    await adapter.say('这是误报', { ...cmd, replyTo: 'd1' });
    expect(adapter.last()!.text).toMatch(/^已将「.+」记为误报/);
    await adapter.say(DEMAND, { id: 'mine', from: 'u1' });
    await store.flush();
    await adapter.say('请删除我的资料', cmd);
    expect(adapter.last()!.text).toBe('已删除你的姓名和消息文本，你的账号标识已匿名化。');
    expect((await store.message('test', 'mine'))?.senderId).not.toBe('u1');
  });

  it('help goes privately, in the language it was asked in', async () => {
    const { adapter } = await botHarness();
    await adapter.say('帮助', cmd);
    expect(adapter.last()).toMatchObject({ to: 'private' });
    expect(adapter.last()!.text).toMatch(/^我是 fingertip/);
    await adapter.say('help', { ...cmd, group: null });
    expect(adapter.last()!.text).toMatch(/^I'm fingertip/);
  });

  it('answers an erasure asked as a question with the help, which says what the erasure deletes and that it is final', async () => {
    const { adapter } = await botHarness();
    await adapter.say('删除我的数据？', cmd);
    expect(adapter.last()!.text).toMatch(/删除我的数据：删除你的名字和消息内容.*无法恢复/);
    await adapter.say('forget me?', cmd);
    expect(adapter.last()!.text).toMatch(/forget me: deletes your name and message texts.*cannot be undone/);
  });
});
