import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { Bot } from '../../../src/bot/bot.js';
import { createAdapter } from '../../../src/cli/adapters.js';
import { createWechatyAdapter, wechatySettings, type WechatyDeps } from '../../../adapters/wechaty/index.js';
import type { CliContext } from '../../../src/cli/context.js';
import { defaultEngine } from '../../../src/engine/index.js';
import type { MessageRecord } from '../../../src/core/message-record.js';
import { openStore } from '../../../src/analysis/open-store.js';
import type { Store } from '../../../src/store/store.js';
import { tempDir } from '../../support/temp-dir.js';
import { mockWorld, waitFor, type FixtureOptions } from './fixture.js';
import { storedRecords } from '../../support/stored-records.js';
import { RunningBots, type RunningBot } from '../../support/running-bots.js';
import { committed, holdWriteLock } from '../../support/sqlite-file.js';
import { rawDb } from '../../support/raw-db.js';

// The whole path: real wechaty on wechaty-puppet-mock → the WeChat adapter as `start` builds it
// (src/cli/adapters.ts, identities in the store) → the bot and the real engine → a real SQLite file.

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';

type World = ReturnType<typeof mockWorld>;

interface Running extends RunningBot {
  lines: string[];
}

const running = new RunningBots();

/** A context whose stdout and stderr keep their lines: the adapter prints its status there. */
function context(lines: string[]): CliContext {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stdin: Readable.from([]), stdout: sink, stderr: sink, env: {}, cwd: process.cwd() };
}

/** Starts the bot on `db` with the WeChat adapter of `world` (as `start` builds it, or on `deps`), and logs the account in. */
async function startBot(world: World, db: string, deps?: WechatyDeps): Promise<Running> {
  const config = world.config;
  config.db = db;
  // A short busy timeout: a write under another connection's lock fails within the test.
  const store = await openStore(db, config.timezone, { busyTimeoutMs: 100 });
  const lines: string[] = [];
  const adapter = deps
    ? createWechatyAdapter(wechatySettings(config), { print: (line) => lines.push(line), ...deps })
    : await createAdapter('wechaty', { config, store, ctx: context(lines) });
  const bot = new Bot({ config, store, engine: defaultEngine(), adapters: [adapter], log: (line) => lines.push(line) });
  await bot.start();
  const r = { bot, store, lines };
  running.add(r);
  world.mocker.login(world.botUser);
  await waitFor(() => lines.some((l) => l.includes(`logged in as ${world.botUser.payload.name}`)), 'login');
  return r;
}

/** Polls the store until `count` messages are stored. */
async function stored(store: Store, count: number): Promise<MessageRecord[]> {
  const until = Date.now() + 5000;
  for (;;) {
    const recs = await storedRecords(store);
    if (recs.length >= count) return recs;
    if (Date.now() > until) throw new Error(`timed out waiting for ${count} stored messages (have ${recs.length})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A text message said in the room as the puppet delivers it, under an id of the test's choosing; again to redeliver it. */
function deliver(world: World, id: string, text?: string): void {
  if (text)
    world.mocker.MessageMock.create({ id, timestamp: Date.now(), type: types.Message.Text, talkerId: world.li.id, roomId: world.room.id, text } as never);
  world.mocker.puppet.emit('message', { messageId: id });
}

async function botIn(opts: FixtureOptions = {}, deps?: WechatyDeps) {
  const world = mockWorld(opts);
  const db = join(tempDir(), 'bot.db');
  return { world, db, ...(await startBot(world, db, deps)) };
}

/** The puppet refuses to send text its first `refusals` times (Infinity: always); returns the tries so far. */
function refuseSends(world: World, refusals: number): () => number {
  const puppet = world.mocker.puppet;
  const send = puppet.messageSendText.bind(puppet);
  let tries = 0;
  puppet.messageSendText = async (...args: Parameters<typeof send>) => {
    if (++tries <= refusals) throw new Error('WeChat refused the message');
    return send(...args);
  };
  return () => tries;
}

const LEAD = '@fingertip\u2005反映 街道要求每户每天点赞三次';
const leadsIn = (store: Store) => store.leads({ from: 0, to: Date.UTC(2100, 0, 1) });

const bySender = (recs: MessageRecord[], sender: string) => recs.find((r) => r.senderName === sender);

describe('WeChat adapter through the bot', () => {
  it("stores a demand in a room with the room's member count, and @所有人 as mentionsAll", async () => {
    const { world, store } = await botIn();
    world.li.say(DEMAND).to(world.room);
    world.owner.say('@所有人 明天上午九点前把表格填好').to(world.room);
    const recs = await stored(store, 2);
    const demand = bySender(recs, '李雷')!;
    // Four in the room: the bot is no member of anyone's audience, the sender no recipient.
    expect(demand).toMatchObject({ platform: 'wechaty', groupName: '办公室通知群', recipients: 2, mentionsAll: false, text: DEMAND });
    expect(demand.groupId).toMatch(/^wxg-[0-9a-f]{12}$/);
    expect(demand.categories).toContain('check-in');
    expect(bySender(recs, '王主任')).toMatchObject({ groupId: demand.groupId, mentionsAll: true });
    const group = await store.group('wechaty', demand.groupId);
    expect(group).toMatchObject({ name: '办公室通知群', members: 3 });
    expect(group?.memberIds).toContain(demand.senderId);
    // The adapter's identities are in the bot's database.
    expect(await store.identityGet('wechaty', `room-id:${world.room.id}`)).toBe(demand.groupId);
    expect(await store.identityGet('wechaty', `contact-id:${world.li.id}`)).toBe(demand.senderId);
  });

  it('answers "@fingertip stats" to the member directly, and "stats group" in the group', async () => {
    const { world, store } = await botIn({ speakInRooms: true });
    const roomHeard = world.heard(world.room);
    const liInbox = world.heard(world.li);
    world.owner.say(DEMAND).to(world.room);
    await stored(store, 1);

    world.li.say('@fingertip\u2005stats', [world.botUser]).to(world.room);
    const [own] = await waitFor(() => liInbox.length > 0 && liInbox, 'the private answer');
    // The owner's one demand reached 李雷.
    expect(own.text).toMatch(/^You this week \([^)]+\): 1 possible formalism demand, /);
    expect(roomHeard).toEqual([]);

    world.li.say('@fingertip\u2005stats group', [world.botUser]).to(world.room);
    const [inRoom] = await waitFor(() => roomHeard.length > 0 && roomHeard, 'the answer in the room');
    expect(inRoom.text).toMatch(/^@李雷 办公室通知群 this week \([^)]+\): 1 possible formalism demand, /);
    expect(liInbox).toHaveLength(1);
  });

  it("refuses a member's `config mode nudge` and takes the room owner's, which then nudges", async () => {
    const { world, store } = await botIn({ speakInRooms: true });
    const roomHeard = world.heard(world.room);
    const liInbox = world.heard(world.li);
    const ownerInbox = world.heard(world.owner);

    world.li.say('@fingertip\u2005config mode nudge', [world.botUser]).to(world.room);
    await waitFor(() => liInbox.length > 0, 'the refusal');
    expect(liInbox.map((m) => m.text)).toEqual(['Only the group owner or admins can change settings.']);
    const [{ id: groupId }] = await store.groups('wechaty');
    expect((await store.groupSettings('wechaty', groupId)).mode).toBe('silent');

    world.owner.say('@fingertip\u2005config mode nudge', [world.botUser]).to(world.room);
    await waitFor(() => ownerInbox.length > 0, 'the confirmation');
    expect(ownerInbox[0].text).toMatch(/^Saved: mode nudge;/);
    expect((await store.groupSettings('wechaty', groupId)).mode).toBe('nudge');

    world.han.say(DEMAND).to(world.room);
    const [nudge] = await waitFor(() => roomHeard.length > 0 && roomHeard, 'the nudge');
    expect(nudge.text).toMatch(/^提示：这条消息可能属于/);
    expect(roomHeard).toHaveLength(1);
  });

  it('takes commands to the bot by its WeChat name, and leaves it out of a list of supervisors', async () => {
    const { world, store } = await botIn({ botName: '小助手' });
    const ownerInbox = world.heard(world.owner);
    world.owner.say('@小助手\u2005统计 本群', [world.botUser]).to(world.room);
    await waitFor(() => ownerInbox.length > 0, 'the stats');
    expect(ownerInbox[0].text).toMatch(/^「办公室通知群」本周/);
    world.owner.say('@小助手 设置 周报接收人 @李雷、@韩梅梅，@小助手。', [world.botUser]).to(world.room);
    await waitFor(() => ownerInbox.length > 1, 'the confirmation');
    expect(ownerInbox[1].text).toMatch(/周报接收人：李雷、韩梅梅$/);
    const [{ id: groupId }] = await store.groups('wechaty');
    expect((await store.groupSettings('wechaty', groupId)).supervisors).toEqual(['李雷', '韩梅梅']);
    // A mention ended by a full stop typed after it is the bot's as well.
    world.owner.say('@小助手。统计 本群', [world.botUser]).to(world.room);
    await waitFor(() => ownerInbox.length > 2, 'the stats again');
    expect(ownerInbox[2].text).toMatch(/^「办公室通知群」本周/);
  });

  it('refuses `设置 模式 提醒` while speakInRooms is off, and spends no cooldown on a nudge it cannot post', async () => {
    const { world, store, lines } = await botIn();
    const ownerInbox = world.heard(world.owner);
    const roomHeard = world.heard(world.room);

    world.owner.say('@fingertip\u2005设置 模式 提醒', [world.botUser]).to(world.room);
    await waitFor(() => ownerInbox.length > 0, 'the answer');
    expect(ownerInbox.map((m) => m.text)).toEqual([
      '提醒模式需要我在群里发言，但配置项 adapters.wechaty.speakInRooms 是关闭的：我只私下回答提问的人，提醒发不出去。请先在配置文件里开启 adapters.wechaty.speakInRooms，再设置提醒模式。',
    ]);
    const [{ id: groupId }] = await store.groups('wechaty');
    expect((await store.groupSettings('wechaty', groupId)).mode).toBe('silent');

    // Nudge mode set while speakInRooms was on, then turned off: a demand is stored, and nothing is nudged.
    await store.updateGroupSettings('wechaty', groupId, (s) => ({ ...s, mode: 'nudge' }));
    world.han.say(DEMAND).to(world.room);
    const [demand] = await stored(store, 1);
    expect(demand.categories.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await store.seenAt('wechaty', `nudge-last:${groupId}`)).toBeUndefined();
    expect(lines.filter((l) => l.includes('not posting'))).toEqual([]);
    expect(roomHeard).toEqual([]);
  });

  it('keeps one group through a re-login with new ids, and through a restart on the same database', async () => {
    const world = mockWorld();
    const db = join(tempDir(), 'bot.db');
    const first = await startBot(world, db);
    world.li.say('第一条').to(world.room);
    const [one] = await stored(first.store, 1);
    // Renamed while the bot runs: the new topic is bound to the group's id, in the database.
    world.room.topic('办公室通知群（新）').by(world.owner);
    await new Promise((resolve) => setTimeout(resolve, 50));
    world.li.say('改名以后').to(world.room);
    await stored(first.store, 2);

    await world.mocker.puppet.logout();
    await waitFor(() => first.lines.some((l) => l.includes('logged out')), 'logout');
    const relogged = world.mocker.createRoom({
      topic: '办公室通知群（新）',
      memberIdList: [world.botUser.id, world.owner.id, world.li.id, world.han.id],
      ownerId: world.owner.id,
    });
    expect(relogged.id).not.toBe(world.room.id);
    world.mocker.login(world.botUser);
    await waitFor(() => first.lines.filter((l) => l.includes('logged in as')).length === 2, 'second login');
    world.li.say('重新登录以后').to(relogged);
    await stored(first.store, 3);
    await running.stop(first);

    // A restart: a new process, new puppet ids, only the SQLite file carried over. The renamed
    // topic is known from the database alone (a fresh id would be derived from the new topic).
    const later = mockWorld({ topic: '办公室通知群（新）' });
    const second = await startBot(later, db);
    later.li.say('重启以后').to(later.room);
    const recs = await stored(second.store, 4);
    expect(recs.map((r) => r.groupId)).toEqual([one.groupId, one.groupId, one.groupId, one.groupId]);
    expect(new Set(recs.map((r) => r.senderId))).toEqual(new Set([one.senderId]));
    expect((await second.store.groups('wechaty')).map((g) => [g.id, g.name])).toEqual([[one.groupId, '办公室通知群（新）']]);
    expect(await second.store.identityGet('wechaty', `room-id:${later.room.id}`)).toBe(one.groupId);
  });

  it('takes `missed` on a quote of a message sent before a restart, its text from the quote', async () => {
    const world = mockWorld();
    const db = join(tempDir(), 'bot.db');
    const first = await startBot(world, db);
    const quiet = '各位老师，下周一前把本班学生的志愿时长汇总一下发我';
    world.owner.say(quiet).to(world.room);
    // A demand after it, stored once both are read.
    world.li.say(DEMAND).to(world.room);
    await stored(first.store, 1);
    await running.stop(first);
    // After the restart (a new process and puppet) the bot holds no text of it, and a quote names no message id.
    const later = mockWorld();
    const second = await startBot(later, db);
    const liInbox = later.heard(later.li);
    later.li.say(`「王主任：${quiet}」\n- - - - - - - - - - - - - - -\n@fingertip\u2005漏报 填表`, [later.botUser]).to(later.room);
    await waitFor(() => liInbox.length > 0, 'the answer');
    expect(liInbox[0].text).toMatch(/^已记为漏报/);
    const [report] = await second.store.missedDemands();
    expect(report).toMatchObject({ platform: 'wechaty', text: quiet, categories: ['data-request'], flaggedFor: null });
    expect(report.messageId).toMatch(/^quote-/);
  });

  it('explains and takes `not formalism` on a quote of a message it flagged before a restart, found by sender and text', async () => {
    const world = mockWorld();
    const db = join(tempDir(), 'bot.db');
    const first = await startBot(world, db);
    world.li.say(DEMAND).to(world.room);
    const [flagged] = await stored(first.store, 1);
    await running.stop(first);
    const later = mockWorld();
    const second = await startBot(later, db);
    const hanInbox = later.heard(later.han);
    const quoting = (command: string) => `「李雷：${DEMAND}」\n- - - - - - - - - - - - - - -\n@fingertip\u2005${command}`;
    later.han.say(quoting('为什么'), [later.botUser]).to(later.room);
    await waitFor(() => hanInbox.length > 0, 'the explanation');
    expect(hanInbox[0].text).toMatch(/^· 打卡签到（规则 check-in\/\S+）：匹配/m);
    later.han.say(quoting('误报'), [later.botUser]).to(later.room);
    await waitFor(() => hanInbox.length > 1, 'the thanks');
    expect(hanInbox[1].text).toBe('已将「请全体同事今晚十点前完成打卡并截图发群里」记为误报，不再计入统计。谢谢！');
    expect((await second.store.falsePositives()).map((f) => f.messageId)).toEqual([flagged.id]);
  });

  it('keeps to the per-person and per-account pace when many answers are queued', async () => {
    const pace = { room: 0.1, account: 0.03, jitter: 0.01 };
    const { world } = await botIn({ pace });
    const liInbox = world.heard(world.li);
    const hanInbox = world.heard(world.han);
    for (const command of ['stats', 'help', 'config show']) world.li.say(`@fingertip\u2005${command}`, [world.botUser]).to(world.room);
    for (const command of ['stats', 'help']) world.han.say(`@fingertip\u2005${command}`, [world.botUser]).to(world.room);
    await waitFor(() => liInbox.length === 3 && hanInbox.length === 2, 'five answers', 5000);

    expect(liInbox.some((m) => m.text.startsWith("I'm fingertip"))).toBe(true);
    expect(liInbox.some((m) => m.text.startsWith('mode silent;'))).toBe(true);
    expect(hanInbox.some((m) => m.text.startsWith('You this week'))).toBe(true);
    const gaps = (xs: { at: number }[]) => xs.slice(1).map((x, i) => x.at - xs[i].at);
    // Timers may fire a millisecond early by the wall clock; allow that much.
    for (const gap of [...gaps(liInbox), ...gaps(hanInbox)]) expect(gap).toBeGreaterThanOrEqual(pace.room * 1000 - 2);
    const all = [...liInbox, ...hanInbox].sort((a, b) => a.at - b.at);
    for (const gap of gaps(all)) expect(gap).toBeGreaterThanOrEqual(pace.account * 1000 - 2);
  });

  it('takes again a message whose write failed, and logs such failures once a burst', async () => {
    const world = mockWorld();
    const db = join(tempDir(), 'bot.db');
    const bot = await startBot(world, db);
    const { store, lines } = bot;
    // The sender and the group are known first, so that the writes that fail are the messages' own.
    deliver(world, 'm-warm', '第一条');
    await stored(store, 1);
    const failed = () => lines.filter((l) => l.includes('not handled'));

    const lock = await holdWriteLock(db);
    deliver(world, 'm-1', DEMAND);
    deliver(world, 'm-2', '明天上午九点前把表格填好');
    await waitFor(() => failed().length > 0, 'a failure logged', 5000);
    await lock.release();
    // The store writes one transaction after the other: this one commits after the failed ones.
    deliver(world, 'm-3', '收到');
    await stored(store, 2);
    expect(await committed(db, 'wechaty', 'm-1')).toBe(false);
    expect(failed()).toHaveLength(1);
    expect(failed()[0]).toMatch(/^wechaty: message m-[12] not handled: .*bot\.db: the database is locked by another process/);

    // Not marked as seen: the puppet's redeliveries are handled, and stored.
    deliver(world, 'm-1');
    deliver(world, 'm-2');
    const recs = await stored(store, 4);
    expect(recs.map((r) => r.id).sort()).toEqual(['m-1', 'm-2', 'm-3', 'm-warm']);
    await running.stop(bot);
    expect(lines.filter((l) => /^wechaty: 1 more messages not handled in the last \d+ s \(the latest: message m-[12] not handled/.test(l))).toHaveLength(1);
  });

  it('handles afresh a repeat that came while the first delivery was failing, instead of dropping it as seen', async () => {
    const world = mockWorld();
    const db = join(tempDir(), 'bot.db');
    const { store, lines } = await startBot(world, db);
    deliver(world, 'm-warm', '第一条');
    await stored(store, 1);
    const lock = await holdWriteLock(db);
    deliver(world, 'm-1', DEMAND);
    deliver(world, 'm-1'); // the puppet repeats it while its write waits for the lock
    await waitFor(() => lines.some((l) => l.includes('m-1 not handled')), 'the first delivery failing', 5000);
    await lock.release();
    const recs = await stored(store, 2);
    expect(recs.map((r) => r.id).sort()).toEqual(['m-1', 'm-warm']);
  });

  it('stores the messages it was handling when stopped, before the store closes (WeChat never redelivers)', async () => {
    const world = mockWorld();
    const db = join(tempDir(), 'bot.db');
    const r = await startBot(world, db);
    // Each message waits at the bot's door until the stop has begun, as work under way at a SIGTERM does.
    let open!: () => void;
    const door = new Promise<void>((resolve) => (open = resolve));
    const handle = r.bot.handle.bind(r.bot);
    let arrived = 0;
    r.bot.handle = async (adapter, msg) => {
      arrived++;
      await door;
      return handle(adapter, msg);
    };
    for (let i = 0; i < 5; i++) deliver(world, `m-${i}`, `${DEMAND} #${i}`);
    await waitFor(() => arrived === 5, 'five messages handed to the bot');
    // As `start` does on SIGTERM: the bot stops, then the store closes.
    const stopped = running.stop(r);
    setTimeout(open, 200);
    await stopped;
    const reopened = await openStore(db, 'Asia/Shanghai');
    const ids = (await storedRecords(reopened)).map((rec) => rec.id).sort();
    await reopened.close();
    expect(ids).toEqual(['m-0', 'm-1', 'm-2', 'm-3', 'm-4']);
    expect(r.lines.filter((l) => l.includes('not handled'))).toEqual([]);
  });

  it('sends an answer again when WeChat refuses it once, and files the lead it answers once', async () => {
    const { world, store, lines } = await botIn({}, { resend: { attempts: 3, backoffMs: 10, timeoutMs: 15_000, giveUpMs: 60_000 } });
    const liInbox = world.heard(world.li);
    refuseSends(world, 1);
    world.li.say('@fingertip\u2005stats', [world.botUser]).to(world.room);
    await waitFor(() => liInbox.length === 1, 'the answer to stats, sent again');
    expect(liInbox[0].text).toMatch(/^You this week/);
    refuseSends(world, 1);
    world.li.say(LEAD, [world.botUser]).to(world.room);
    await waitFor(() => liInbox.length === 2, 'the answer to the lead, sent again');
    expect(await leadsIn(store)).toHaveLength(1);
    expect(lines.filter((l) => /not sent|not delivered|not handled/.test(l))).toEqual([]);
  });

  it('gives up after its tries with one line naming the contact, the lead filed once', async () => {
    const { world, store, lines } = await botIn({}, { resend: { attempts: 3, backoffMs: 10, timeoutMs: 15_000, giveUpMs: 60_000 } });
    const tries = refuseSends(world, Infinity);
    world.li.say(LEAD, [world.botUser]).to(world.room);
    await waitFor(() => lines.some((l) => l.includes('not sent')), 'the failure said');
    expect(tries()).toBe(3);
    expect(lines.filter((l) => l.startsWith('wechaty: message to'))).toEqual(['wechaty: message to 李雷 not sent after 3 tries: WeChat refused the message']);
    expect(await leadsIn(store)).toHaveLength(1);
  });

  it('gives up an answer WeChat never settles in one line, keeping what the command did, and answers the next', async () => {
    const world = mockWorld();
    const r = await startBot(world, join(tempDir(), 'bot.db'), { resend: { attempts: 3, backoffMs: 10, timeoutMs: 200, giveUpMs: 1000 } });
    const ownerInbox = world.heard(world.owner);
    // The puppet's first send never settles, neither sent nor refused.
    const puppet = world.mocker.puppet;
    const send = puppet.messageSendText.bind(puppet);
    let tries = 0;
    puppet.messageSendText = (...args: Parameters<typeof send>) => (++tries === 1 ? new Promise<never>(() => {}) : send(...args));
    world.owner.say('@fingertip\u2005设置 语言 中文', [world.botUser]).to(world.room);
    // A generous bound that catches the wait that lasted until the stop.
    await waitFor(() => r.lines.some((l) => l.startsWith('wechaty: message to')), 'the answer given up', 10_000);
    expect(r.lines.filter((l) => l.startsWith('wechaty: message to'))).toEqual([
      'wechaty: message to 王主任 not sent after 1 try: no answer from WeChat in 1 s; it may yet arrive',
    ]);
    const [{ id: groupId }] = await r.store.groups('wechaty');
    expect((await r.store.groupSettings('wechaty', groupId)).language).toBe('zh');
    world.owner.say('@fingertip\u2005设置 查看', [world.botUser]).to(world.room);
    await waitFor(() => ownerInbox.length > 0, 'the next answer');
    expect(ownerInbox.map((m) => m.text)).toEqual([expect.stringMatching(/语言：中文/)]);
    expect(tries).toBe(2);
    await running.stop(r);
    expect(r.lines.filter((l) => l.includes('still being handled'))).toEqual([]);
  });

  it('stops sending again when stopped, without waiting out the backoff', async () => {
    const world = mockWorld();
    const deps = { resend: { attempts: 3, backoffMs: 600_000, timeoutMs: 15_000, giveUpMs: 60_000 }, stopWaitMs: 20_000 };
    const r = await startBot(world, join(tempDir(), 'bot.db'), deps);
    const tries = refuseSends(world, Infinity);
    world.li.say('@fingertip\u2005stats', [world.botUser]).to(world.room);
    await waitFor(() => tries() === 1, 'the first try');
    await running.stop(r);
    expect(tries()).toBe(1);
    expect(r.lines.filter((l) => l.startsWith('wechaty: message to'))).toEqual(['wechaty: message to 李雷 not sent after 1 try: WeChat refused the message']);
    expect(r.lines.filter((l) => l.includes('still being handled'))).toEqual([]);
  });

  it('erases a recalled (撤回) demand, whether or not the puppet still holds the message itself', async () => {
    const { world, store } = await botIn();
    deliver(world, 'wrong-1', `${DEMAND} QUAGGA-1`);
    deliver(world, 'wrong-2', `${DEMAND} QUAGGA-2`);
    deliver(world, 'right', DEMAND);
    expect(await stored(store, 3)).toHaveLength(3);
    const recall = (id: string, of: string) => {
      world.mocker.MessageMock.create({
        id,
        timestamp: Date.now(),
        type: types.Message.Recalled,
        talkerId: world.li.id,
        roomId: world.room.id,
        text: of,
      } as never);
      world.mocker.puppet.emit('message', { messageId: id });
    };
    recall('recall-1', 'wrong-1');
    // The puppet no longer finds the second: the notice's text still names it.
    const puppet = world.mocker.puppet;
    const search = puppet.messageSearch.bind(puppet);
    puppet.messageSearch = async (query) => (query?.id === 'wrong-2' ? [] : search(query));
    recall('recall-2', 'wrong-2');
    await waitFor(async () => ((await storedRecords(store)).length === 1 ? true : undefined), 'the recalled demands erased');
    expect((await storedRecords(store)).map((r) => r.id)).toEqual(['right']);
  });

  it("erases a demand recalled by wechat4u's XML notice, keeping nothing of the notice; one naming no id is logged", async () => {
    const { world, store, db, lines } = await botIn();
    const id = '4567890123456789012';
    deliver(world, id, DEMAND);
    await stored(store, 1);
    // As wechaty-puppet-wechat4u gives it: the notice's text is WeChat's XML, <msgid> the recalled MsgId.
    const notice = (noticeId: string, inner: string) => {
      const text = `<sysmsg type="revokemsg"><revokemsg><session>${world.room.id}</session>${inner}<replacemsg><![CDATA["李雷" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>`;
      world.mocker.MessageMock.create({
        id: noticeId,
        timestamp: Date.now(),
        type: types.Message.Recalled,
        talkerId: world.li.id,
        roomId: world.room.id,
        text,
      } as never);
      world.mocker.puppet.emit('message', { messageId: noticeId });
    };
    notice('9000000000000000001', `<oldmsgid>1012345678</oldmsgid><msgid>${id}</msgid>`);
    await waitFor(async () => ((await storedRecords(store)).length === 0 ? true : undefined), 'the recalled demand erased');
    notice('9000000000000000002', '');
    await waitFor(() => lines.some((l) => l.includes('recall notice 9000000000000000002')), 'the notice naming no id said');
    expect(lines.filter((l) => l.includes('recall notice'))).toEqual([
      'wechaty: recall notice 9000000000000000002 names no message id this puppet gives; nothing removed',
    ]);
    const raw = await rawDb(db);
    expect(await raw.all('SELECT platform, id FROM removed_messages')).toEqual([{ platform: 'wechaty', id }]);
    await raw.close();
  });
});
