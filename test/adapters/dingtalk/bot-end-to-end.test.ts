import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Readable, Writable } from 'node:stream';
import { createAdapter } from '../../../src/cli/adapters.js';
import { Bot } from '../../../src/bot/bot.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { defaultEngine } from '../../../src/engine/index.js';
import { openStore } from '../../../src/analysis/open-store.js';
import { tempDir } from '../../support/temp-dir.js';
import { robotFrame, startDingtalkStub, type DingtalkStub } from './dingtalk-stub.js';
import { waitFor } from '../../support/wait-for.js';
import { RunningBots, type RunningBot } from '../../support/running-bots.js';
import { committed, holdWriteLock } from '../../support/sqlite-file.js';
import { digestRecipients } from '../../../src/digest/recipients.js';

// The whole path: frames down a loopback WebSocket → DWClient → the DingTalk adapter → the bot →
// a real SQLite file; answers go out through the session webhook or the robot API of the stand-in.

const stubs: DingtalkStub[] = [];

afterEach(async () => {
  for (const s of stubs.splice(0)) await s.close();
});
// Registered after the stubs' hook, so (hooks run in reverse) bots stop before their stubs close.
const running = new RunningBots();

async function startBot(stub: DingtalkStub, db: string, log: (line: string) => void = () => {}): Promise<RunningBot> {
  const config = defaultConfig();
  config.db = db;
  // A short busy timeout: a write under another connection's lock fails within the test.
  const store = await openStore(db, config.timezone, { busyTimeoutMs: 100 });
  config.adapters.dingtalk = { clientId: 'ding-client', clientSecret: 'secret', apiUrl: stub.url };
  // As `start` builds it: the sender pairs in the bot's store, warnings on stderr.
  const stderr = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) log(line);
      done();
    },
  });
  const adapter = await createAdapter('dingtalk', { config, store, ctx: { stdin: Readable.from([]), stdout: stderr, stderr, env: {}, cwd: process.cwd() } });
  const bot = new Bot({ config, store, engine: defaultEngine(), adapters: [adapter], log: () => {} });
  await bot.start();
  const r = { bot, store };
  running.add(r);
  return r;
}

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';

function mention(stub: DingtalkStub, msgId: string, text: string, sender = 'staff-li'): Record<string, unknown> {
  return {
    msgId,
    msgtype: 'text',
    text: { content: ` ${text}` },
    conversationId: 'cidGroup1==',
    conversationType: '2',
    conversationTitle: '教务处工作群',
    senderId: `$:LWCP_v1:$${sender}`,
    senderStaffId: sender,
    senderNick: '李老师',
    createAt: Date.now(),
    sessionWebhook: stub.webhook('group1'),
    sessionWebhookExpiredTime: Date.now() + 3_600_000,
  };
}

describe('DingTalk adapter through the bot', () => {
  it('answers "@robot stats group" in the group through the session webhook, and a redelivery after a restart not again', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const db = join(tempDir(), 'bot.db');
    const first = await startBot(stub, db);
    stub.push(robotFrame('frame-0', mention(stub, 'msg-demand', '请全体同事今晚十点前完成打卡并截图发群里')));
    const stats = mention(stub, 'msg-stats', 'stats group');
    stub.push(robotFrame('frame-1', stats));
    const [answer] = await waitFor(() => (stub.callsTo('/session/group1').length ? stub.callsTo('/session/group1') : undefined), 'the answer', 5000);
    const content = (answer.body as { text: { content: string } }).text.content;
    expect(content).toContain('教务处工作群');
    // A robot cannot tell a group's size: a demand counts one recipient, not none.
    expect(content).toMatch(/1 possible formalism demand, about 5 person-minutes/);
    await running.stop(first);

    const second = await startBot(stub, db);
    stub.push(robotFrame('frame-1-again', stats));
    stub.push(robotFrame('frame-2', mention(stub, 'msg-help', 'help')));
    await waitFor(() => stub.callsTo('/v1.0/robot/oToMessages/batchSend').length > 0, 'a private answer', 5000);
    // Stopping waits for the adapter's work in flight, so a second answer would be out by now.
    await running.stop(second);
    expect(stub.callsTo('/session/group1')).toHaveLength(1);
    expect(stub.callsTo('/v1.0/robot/oToMessages/batchSend')[0].body).toMatchObject({ userIds: ['staff-li'] });
  });

  it('explains the message a reply quotes, not the latest, and takes a quoted demand it never heard as missed', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const db = join(tempDir(), 'bot.db');
    const first = await startBot(stub, db);
    const store = first.store;
    // Answers go privately: to the member's single chat, through the robot API.
    const answers = () =>
      stub.callsTo('/v1.0/robot/oToMessages/batchSend').map((c) => (JSON.parse((c.body as { msgParam: string }).msgParam) as { content: string }).content);
    const reply = (msgId: string, text: string, repliedMsg: Record<string, unknown>) => {
      const frame = mention(stub, msgId, text, 'staff-han');
      return { ...frame, text: { content: ` ${text}`, isReplyMsg: true, repliedMsg } };
    };
    // The head teacher once @-mentioned the robot with a demand, then posted a quieter one.
    stub.push(robotFrame('f1', mention(stub, 'msg-demand', DEMAND, 'staff-boss')));
    stub.push(robotFrame('f2', mention(stub, 'msg-later', '各位老师周五前把本学期的听课记录表填好交到教务处', 'staff-boss')));
    await waitFor(() => stub.acks.length === 2, 'both stored', 5000);
    // A reply to the first asks why: the answer explains that one, though a later one was flagged too.
    stub.push(robotFrame('f3', reply('msg-why', 'why', { msgId: 'msg-demand', senderId: '$:LWCP_v1:$staff-boss', content: { text: DEMAND } })));
    await waitFor(() => answers().length > 0, 'the explanation', 5000);
    expect(answers()[0]).toMatch(/^· check-ins \(rule check-in\/\S+\): matched/m);
    // A demand posted without @-mentioning the robot never reached it; a member quotes it to report it.
    const unheard = '请各班主任今晚把家长群里的安全教育平台完成截图收齐';
    stub.push(
      robotFrame(
        'f4',
        reply('msg-missed', '漏报 截图', {
          msgId: 'msg-unheard',
          senderId: '$:LWCP_v1:$staff-boss',
          createdAt: Date.now() - 60_000,
          content: { text: unheard },
        }),
      ),
    );
    await waitFor(() => answers().length > 1, 'the thanks', 5000);
    expect(answers()[1]).toMatch(/^已记为漏报/);
    expect(await store.missedDemands()).toMatchObject([{ platform: 'dingtalk', messageId: 'msg-unheard', text: unheard, categories: ['proof-demand'] }]);
    // Quoted from someone the robot never heard from: whose it is stays unknown, and nothing is kept.
    stub.push(robotFrame('f5', reply('msg-missed-2', '漏报 截图', { msgId: 'msg-other', senderId: '$:LWCP_v1:$stranger', content: { text: unheard } })));
    await waitFor(() => answers().length > 2, 'the refusal', 5000);
    expect(answers()[2]).toBe('无法确定被引用消息的发送人（这位成员还没在群里发过言），因此不保存这条消息。');
    expect(await store.missedDemands()).toHaveLength(1);
    // After a restart the pairing comes from the database: a quote of the head teacher is theirs.
    await running.stop(first);
    const second = await startBot(stub, db);
    stub.push(robotFrame('f6', reply('msg-missed-3', '漏报 截图', { msgId: 'msg-unheard-2', senderId: '$:LWCP_v1:$staff-boss', content: { text: unheard } })));
    await waitFor(async () => (await second.store.missedDemands()).length === 2, 'the second report', 5000);
    // The reports are the head teacher's: asked to forget them, the bot erases their texts and the pairing.
    stub.push(robotFrame('f7', mention(stub, 'msg-forget', 'forget me', 'staff-boss')));
    await waitFor(async () => (await second.store.missedDemands()).every((r) => r.text === null), 'the texts erased', 5000);
    await waitFor(async () => (await second.store.identityGet('dingtalk', 'sender:$:LWCP_v1:$staff-boss')) === undefined, 'the pairing deleted', 5000);
  });

  it('subscribes a supervisor @-mentioned by their staff id, not the name the text shows, and refuses one whose id it cannot tell', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const { store } = await startBot(stub, join(tempDir(), 'bot.db'));
    const answers = () =>
      stub.callsTo('/v1.0/robot/oToMessages/batchSend').map((c) => (JSON.parse((c.body as { msgParam: string }).msgParam) as { content: string }).content);
    const robot = { dingtalkId: '$:LWCP_v1:$robot' };
    // DingTalk names whom a message @-mentions by ids alone, the robot among them; a person outside the organisation has no staff id.
    const wang = { dingtalkId: '$:LWCP_v1:$wang', staffId: 'staff-wang' };
    const zhao = { dingtalkId: '$:LWCP_v1:$zhao', staffId: 'staff-zhao' };
    const outsider = { dingtalkId: '$:LWCP_v1:$guest' };
    const admin = (msgId: string, text: string, atUsers: object[]) => ({
      ...mention(stub, msgId, text, 'staff-boss'),
      isAdmin: true,
      chatbotUserId: robot.dingtalkId,
      atUsers: [robot, ...atUsers],
    });
    const supervisors = async () => (await store.groupSettings('dingtalk', 'cidGroup1==')).supervisors;

    stub.push(robotFrame('f1', admin('msg-set', '设置 周报接收人 @王主任', [wang])));
    await waitFor(() => answers().length > 0, 'the answer', 5000);
    expect(answers()[0]).toMatch(/^已保存。.*周报接收人：staff-wang$/);
    expect(await supervisors()).toEqual(['staff-wang']);
    expect(await digestRecipients(defaultConfig(), store)).toMatchObject([{ platform: 'dingtalk', user: 'staff-wang' }]);

    // Which of two names is whose the ids do not tell; a guest has no id the digest could go to.
    stub.push(robotFrame('f2', admin('msg-two', '设置 周报接收人 @赵书记 @李校长', [zhao, { dingtalkId: '$:LWCP_v1:$li', staffId: 'staff-li2' }])));
    await waitFor(() => answers().length > 1, 'the refusal', 5000);
    expect(answers()[1]).toMatch(/^不知道“@赵书记”、“@李校长”的用户 ID，没有保存。/);
    stub.push(robotFrame('f3', admin('msg-guest', '设置 周报接收人 @外聘专家', [outsider])));
    await waitFor(() => answers().length > 2, 'the second refusal', 5000);
    expect(answers()[2]).toMatch(/^不知道“@外聘专家”的用户 ID，没有保存。/);
    expect(await supervisors()).toEqual(['staff-wang']);

    stub.push(robotFrame('f4', admin('msg-remove', '设置 取消周报接收人 @王主任', [wang])));
    await waitFor(() => answers().length > 3, 'the removal', 5000);
    expect(await supervisors()).toEqual([]);
  });

  it('takes only isAdmin true for an admin: a flag of another type ("false", 1) changes no setting', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const { store } = await startBot(stub, join(tempDir(), 'bot.db'));
    const answers = () =>
      stub.callsTo('/v1.0/robot/oToMessages/batchSend').map((c) => (JSON.parse((c.body as { msgParam: string }).msgParam) as { content: string }).content);
    stub.push(robotFrame('f1', { ...mention(stub, 'msg-false', '设置 周报接收人 staff-li'), isAdmin: 'false' }));
    await waitFor(() => answers().length > 0, 'the refusal', 5000);
    stub.push(robotFrame('f2', { ...mention(stub, 'msg-one', '设置 周报接收人 staff-li'), isAdmin: 1 }));
    await waitFor(() => answers().length > 1, 'the second refusal', 5000);
    expect(answers()).toEqual(['只有群主或群管理员可以修改设置。', '只有群主或群管理员可以修改设置。']);
    expect((await store.groupSettings('dingtalk', 'cidGroup1==')).supervisors ?? []).toEqual([]);
  });

  it('keeps answering through the session webhook when a later frame brings one that is no text', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const logs: string[] = [];
    await startBot(stub, join(tempDir(), 'bot.db'), (line) => logs.push(line));
    stub.push(robotFrame('f1', mention(stub, 'msg-demand', DEMAND)));
    const odd = { ...mention(stub, 'msg-stats', 'stats group'), sessionWebhook: 5, sessionWebhookExpiredTime: Date.now() + 7_200_000 };
    stub.push(robotFrame('f2', odd));
    await waitFor(() => stub.callsTo('/session/group1').length > 0, 'the answer', 5000);
    expect(logs).toEqual([]);
  });

  it('flags a voice message by its transcript, and answers a spoken command in the single chat', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const { store } = await startBot(stub, join(tempDir(), 'bot.db'));
    // As DingTalk sends a voice message: no text, the speech recognition in content.
    const voice = (msgId: string, recognition: unknown, single = false) => {
      const { text: _text, ...frame } = mention(stub, msgId, '');
      return {
        ...frame,
        ...(single && { conversationId: 'cidSingle==', conversationType: '1' }),
        msgtype: 'audio',
        content: { duration: 4000, downloadCode: `code-${msgId}`, ...(recognition !== undefined && { recognition }) },
      };
    };
    stub.push(robotFrame('f1', voice('msg-spoken', DEMAND)));
    stub.push(robotFrame('f2', voice('msg-untranscribed', undefined)));
    await waitFor(() => stub.acks.length === 2, 'both stored', 5000);
    expect(await store.message('dingtalk', 'msg-spoken')).toMatchObject({ categories: ['check-in', 'proof-demand'], text: DEMAND });
    expect(await store.message('dingtalk', 'msg-untranscribed')).toMatchObject({ categories: [], text: null });
    // A transcript that is no text is none: the message is stored as untranscribed, then acked, not skipped.
    stub.push(robotFrame('f2b', voice('msg-odd', 123)));
    await waitFor(() => stub.acks.length === 3, 'stored', 5000);
    expect(await store.message('dingtalk', 'msg-odd')).toMatchObject({ categories: [], text: null });
    stub.push(robotFrame('f3', voice('msg-help', '帮助', true)));
    await waitFor(() => stub.callsTo('/session/group1').length > 0, 'the answer', 5000);
    expect((stub.callsTo('/session/group1')[0].body as { text: { content: string } }).text.content).toMatch(/^我是 fingertip/);
  });

  it('stores and acks a message whose ids are numbers or objects, a number as its decimal string and an object as none', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const logs: string[] = [];
    const { store } = await startBot(stub, join(tempDir(), 'bot.db'), (line) => logs.push(line));
    const reply = (msgId: string, quotedId: unknown) => ({
      ...mention(stub, msgId, DEMAND),
      text: { content: ` ${DEMAND}`, isReplyMsg: true, repliedMsg: { msgId: quotedId, senderId: 5, content: { text: '收到' } } },
    });
    stub.push(robotFrame('f1', { ...mention(stub, 'msg-staff', DEMAND), senderStaffId: 123 }));
    stub.push(robotFrame('f2', reply('msg-reply-number', 5)));
    stub.push(robotFrame('f3', reply('msg-reply-object', { a: 1 })));
    await waitFor(() => stub.acks.length === 3, 'all three acked', 5000);
    expect(logs).toEqual([]);
    const stored = await Promise.all(['msg-staff', 'msg-reply-number', 'msg-reply-object'].map((id) => store.message('dingtalk', id)));
    expect(stored.map((m) => [m?.senderId, m?.replyTo])).toEqual([
      ['123', null],
      ['staff-li', '5'],
      ['staff-li', null],
    ]);
  });

  it('stores a group title or sender nick of another type than text as none, and a number as its string, never as JSON', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const { store } = await startBot(stub, join(tempDir(), 'bot.db'));
    stub.push(robotFrame('f1', { ...mention(stub, 'msg-objects', DEMAND), conversationTitle: { a: 1 }, senderNick: { a: 1 } }));
    stub.push(
      robotFrame('f2', { ...mention(stub, 'msg-numbers', DEMAND, 'staff-wu'), conversationId: 'cidGroup2==', conversationTitle: 42, senderNick: 2024 }),
    );
    await waitFor(() => stub.acks.length === 2, 'both acked', 5000);
    const stored = await Promise.all(['msg-objects', 'msg-numbers'].map((id) => store.message('dingtalk', id)));
    expect(stored.map((m) => [m?.groupName, m?.senderName])).toEqual([
      [undefined, undefined],
      ['42', '2024'],
    ]);
  });

  it('acks a message only once its row is committed to the SQLite file', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const db = join(tempDir(), 'bot.db');
    await startBot(stub, db);
    // Read from the file by a connection of the test's own the moment each ack arrives.
    const atAck = new Map<string, Promise<boolean>>();
    stub.onAck = (ack) => atAck.set(ack.headers.messageId!, committed(db, 'dingtalk', `msg-of-${ack.headers.messageId}`));
    for (const frame of ['frame-a', 'frame-b', 'frame-c']) stub.push(robotFrame(frame, mention(stub, `msg-of-${frame}`, DEMAND)));
    await waitFor(() => atAck.size === 3, 'three acks');
    expect(await Promise.all([...atAck.values()])).toEqual([true, true, true]);
  });

  it('acks no message whose write fails, logs the failures once, and stores and acks their redeliveries', async () => {
    const stub = await startDingtalkStub();
    stubs.push(stub);
    const db = join(tempDir(), 'bot.db');
    const logs: string[] = [];
    const bot = await startBot(stub, db, (line) => logs.push(line));
    const acked = (frame: string) => () => stub.acks.some((a) => a.headers.messageId === frame);
    // The group is known first, so that the writes that fail are the messages' own commits.
    stub.push(robotFrame('frame-warm', mention(stub, 'msg-warm', DEMAND)));
    await waitFor(acked('frame-warm'), 'the first ack');

    const lock = await holdWriteLock(db);
    stub.push(robotFrame('frame-1', mention(stub, 'msg-1', DEMAND)));
    stub.push(robotFrame('frame-2', mention(stub, 'msg-2', 'All staff: fill in the attendance form by 5pm today')));
    await waitFor(() => logs.length > 0, 'a failure logged', 5000);
    await lock.release();
    // The store writes one transaction after the other: this one commits after the failed ones.
    stub.push(robotFrame('frame-3', mention(stub, 'msg-3', DEMAND)));
    await waitFor(acked('frame-3'), 'the ack after the lock', 5000);
    expect(acked('frame-1')()).toBe(false);
    expect(acked('frame-2')()).toBe(false);
    expect(await committed(db, 'dingtalk', 'msg-1')).toBe(false);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^dingtalk: message msg-[12] failed, not acknowledged so DingTalk pushes it again: .*bot\.db: the database is locked by another process/,
    );

    // DingTalk pushes what was not acked again.
    const atAck = new Map<string, Promise<boolean>>();
    stub.onAck = (ack) => atAck.set(ack.headers.messageId!, committed(db, 'dingtalk', ack.headers.messageId!.replace('frame', 'msg').replace('-again', '')));
    stub.push(robotFrame('frame-1-again', mention(stub, 'msg-1', DEMAND)));
    stub.push(robotFrame('frame-2-again', mention(stub, 'msg-2', 'All staff: fill in the attendance form by 5pm today')));
    await waitFor(() => atAck.size === 2, 'the redeliveries acked', 5000);
    expect(await Promise.all([...atAck.values()])).toEqual([true, true]);
    await running.stop(bot);
    expect(logs.slice(1)).toEqual([expect.stringMatching(/^dingtalk: 1 more messages failed in the last \d+ s \(the latest: message msg-[12] failed/)]);
  });
});
