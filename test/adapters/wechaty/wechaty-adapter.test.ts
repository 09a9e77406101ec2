import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { InputError } from '../../../src/core/errors.js';
import { MENTION_MARKS } from '../../../src/bot/index.js';
import { createMemoryIdentityStore, createWechatyAdapter, wechatySettings } from '../../../adapters/wechaty/index.js';
import { Backoff } from '../../../adapters/wechaty/backoff.js';
import type { Adapter } from '../../../src/core/adapter.js';
import type { ChatMessage } from '../../../src/core/chat-message.js';
import { mockWorld, startFixture, waitFor } from './fixture.js';

type Fixture = Awaited<ReturnType<typeof startFixture>>;
const running: Fixture[] = [];
async function fixture(opts: Parameters<typeof startFixture>[0] = {}): Promise<Fixture> {
  const f = await startFixture(opts);
  running.push(f);
  return f;
}
afterEach(async () => {
  for (const f of running.splice(0)) await f.adapter.stop();
});

/** Sends a raw message payload from the mock side, for what ContactMock.say cannot express. */
/** Starts `adapter` on `onMessage` and logs the account in. */
async function loggedIn(world: ReturnType<typeof mockWorld>, adapter: Adapter, lines: string[], onMessage: (msg: ChatMessage) => Promise<void>) {
  await adapter.start(onMessage);
  world.mocker.login(world.botUser);
  await waitFor(() => lines.some((l) => l.includes(`logged in as ${world.botUser.payload.name}`)), 'login');
}

/** Li says "hi" in the room, delivered by the puppet under `id`. */
function sayInRoom(world: ReturnType<typeof mockWorld>, id: string): void {
  world.mocker.MessageMock.create({ id, timestamp: Date.now(), type: types.Message.Text, talkerId: world.li.id, roomId: world.room.id, text: 'hi' } as never);
  world.mocker.puppet.emit('message', { messageId: id });
}

function emitPayload(f: Fixture, payload: Record<string, unknown>): string {
  const id = `raw-${Math.random().toString(36).slice(2)}`;
  f.mocker.MessageMock.create({ id, timestamp: Date.now(), type: types.Message.Text, ...payload } as never);
  f.mocker.puppet.emit('message', { messageId: id });
  return id;
}

describe('wechaty adapter: messages in', () => {
  it('passes a demand in a room on with a stable group id, the topic and the member count', async () => {
    const f = await fixture();
    f.li.say('请全体同事今晚十点前完成打卡并截图发群里').to(f.room);
    const msg = await f.next('完成打卡');
    expect(msg.platform).toBe('wechaty');
    expect(msg.group?.name).toBe('办公室通知群');
    expect(msg.group?.id).toMatch(/^wxg-[0-9a-f]{12}$/);
    // The owner and two members; the bot itself is no recipient.
    expect(msg.group?.memberCount).toBe(3);
    expect(msg.group?.members).toContain(msg.sender.id);
    expect(msg.sender).toEqual({ id: expect.stringMatching(/^wxu-/), name: '李雷' });
    expect(msg.kind).toBe('text');
    expect(msg.addressed).toBe(false);
    expect(msg.mentionsAll).toBe(false);
    expect(msg.senderIsAdmin).toBe(false);
  });

  it('detects @所有人 by text and by notify@all in the mention list', async () => {
    const f = await fixture();
    f.owner.say('@所有人 明天上午九点前把表格填好').to(f.room);
    expect((await f.next('表格填好')).mentionsAll).toBe(true);
    emitPayload(f, { talkerId: f.owner.id, roomId: f.room.id, text: '请大家转发这条链接', mentionIdList: ['notify@all'] });
    expect((await f.next('转发这条链接')).mentionsAll).toBe(true);
  });

  it('marks @bot in a room and private messages as addressed, without the mention in the text', async () => {
    const f = await fixture();
    f.li.say('@fingertip\u2005stats', [f.botUser]).to(f.room);
    const inRoom = await f.next('stats');
    expect(inRoom.addressed).toBe(true);
    expect(inRoom.text).toBe('stats');
    f.han.say('help').to(f.botUser);
    const direct = await f.next('help');
    expect(direct.group).toBeNull();
    expect(direct.addressed).toBe(true);
    expect(direct.sender.name).toBe('韩梅梅');
    f.li.say('@fingertip2 stats').to(f.room);
    expect((await f.next('@fingertip2')).addressed).toBe(false);
  });

  it('reads the bot by its WeChat name: a leading mention dropped, after U+2005, a space or a mark, and any other as @fingertip', async () => {
    const f = await fixture({ botName: '小助手' });
    /** What the adapter passes on of `text`, which it tells by `end`. */
    const read = async (text: string, end: string, mentioned = true) => {
      f.li.say(text, mentioned ? [f.botUser] : []).to(f.room);
      const { text: words, addressed } = await f.next(end);
      return { words, addressed };
    };
    expect(await read('@小助手\u2005统计 本群', '本群')).toEqual({ words: '统计 本群', addressed: true });
    expect(await read('@小助手 config supervisor 王主任', '王主任')).toEqual({ words: 'config supervisor 王主任', addressed: true });
    expect(await read('@小助手，设置 语言 中文', '中文')).toEqual({ words: '设置 语言 中文', addressed: true });
    // Any mark that ends a mention ends the bot's, typed without a space (@小助手。统计, @小助手、统计).
    for (const mark of MENTION_MARKS)
      expect(await read(`@小助手${mark}统计 本群${mark}`, `本群${mark}`), mark).toEqual({ words: `统计 本群${mark}`, addressed: true });
    expect((await read('设置 周报接收人 @王主任，@小助手。', '王主任，')).words).toBe('设置 周报接收人 @王主任，@fingertip。');
    expect((await read('设置 周报接收人 @李雷\u2005@小助手\u2005', '李雷')).words).toBe('设置 周报接收人 @李雷\u2005@fingertip');
    // Another name that opens with the bot's is no mention of it.
    expect(await read('@小助手2 统计本群', '统计本群', false)).toEqual({ words: '@小助手2 统计本群', addressed: false });
  });

  it('drops the full stops typed at the end of a leading mention of the bot with it, as they end the mention', async () => {
    for (const [botName, said] of [
      ['小助手', '@小助手. 统计 本群 A'],
      ['小助手', '@小助手.. 统计 本群 B'],
      ['小助手', '@小助手.，统计 本群 C'],
      ['J.R. Bot', '@J.R. Bot. 统计 本群 D'],
      ['J.R. Bot', '@J.R. Bot.\u2005统计 本群 E'],
    ]) {
      const f = await fixture({ botName });
      f.li.say(said, []).to(f.room);
      const { text, addressed } = await f.next(said.slice(-4));
      expect({ text, addressed }, said).toEqual({ text: `统计 本群 ${said.at(-1)}`, addressed: true });
    }
  });

  it("tells the bot from a member whose name opens with the bot's or is the bot's, by how a mention ends and WeChat's mention list", async () => {
    const f = await fixture({ botName: '小助手' });
    const flower = f.mocker.createContact({ name: '小助手🌸' });
    const namesake = f.mocker.createContact({ name: '小助手' });
    f.room.add(flower, namesake).by(f.owner);
    await new Promise((resolve) => setTimeout(resolve, 50));
    /** Whether the adapter takes `text`, said mentioning `mentioned`, for the bot, and the words it passes on, which end in `end`. */
    const read = async (text: string, mentioned: Fixture['li'][], end = text.slice(-4)) => {
      f.li.say(text, mentioned).to(f.room);
      const { text: words, addressed } = await f.next(end);
      return { words, addressed };
    };
    // Only a space or a mark ends a typed mention: an emoji, _, · or - goes on with another name.
    for (const said of [
      '@小助手🌸 请大家今天交表',
      '@小助手_2 请各位明天交表',
      '@小助手·王 请各位周五交表',
      '@小助手-李 请大家周六交表',
      '请@小助手·王 今天下班交表',
    ])
      expect(await read(said, []), said).toEqual({ words: said, addressed: false });
    expect(await read('@小助手🌸\u2005请大家下周一交表', [flower])).toEqual({ words: '@小助手🌸\u2005请大家下周一交表', addressed: false });
    // The member named as the bot is, picked from the list: the mention is theirs.
    expect(await read('@小助手\u2005请大家下周二交表', [namesake])).toEqual({ words: '@小助手\u2005请大家下周二交表', addressed: false });
    // The bot picked from the list, or typed where the list names no one else by its name, is the bot.
    expect(await read('@小助手\u2005统计 本群 A', [f.botUser])).toEqual({ words: '统计 本群 A', addressed: true });
    expect(await read('@小助手 统计 本群 B', [])).toEqual({ words: '统计 本群 B', addressed: true });
    expect(await read('@王主任\u2005@小助手，统计 本群 C', [f.owner])).toEqual({ words: '@王主任\u2005@fingertip，统计 本群 C', addressed: true });
    expect(await read('统计 本群 D @小助手.', [], '本群 D')).toEqual({ words: '统计 本群 D @fingertip.', addressed: true });
  });

  it('counts the room owner and configured members as admins, others not', async () => {
    const f = await fixture({ admins: ['韩梅梅'] });
    f.owner.say('owner speaking').to(f.room);
    f.li.say('member speaking').to(f.room);
    f.han.say('configured admin speaking').to(f.room);
    const owner = await f.next('owner speaking');
    const member = await f.next('member speaking');
    expect(owner.senderIsAdmin).toBe(true);
    expect(member.senderIsAdmin).toBe(false);
    expect((await f.next('configured admin')).senderIsAdmin).toBe(true);
    const groupId = owner.group!.id;
    expect(await f.adapter.isGroupAdmin(groupId, owner.sender.id)).toBe(true);
    expect(await f.adapter.isGroupAdmin(groupId, member.sender.id)).toBe(false);
  });

  it('turns images and files into typed placeholders', async () => {
    const f = await fixture();
    // A URL FileBox is never fetched by the mock; it only sets the message type.
    f.li.say(FileBox.fromUrl('http://127.0.0.1:9/proof.png')).to(f.room);
    const image = await f.next('[image]');
    expect(image.kind).toBe('image');
    expect(image.text).toBe('[image]');
    emitPayload(f, { talkerId: f.han.id, roomId: f.room.id, type: types.Message.Attachment, filename: '11月考勤统计表.xlsx' });
    const file = await f.next('[file]');
    expect(file.kind).toBe('file');
    expect(file.text).toBe('[file] 11月考勤统计表.xlsx');
  });

  it('links a quote-reply to the quoted message', async () => {
    const f = await fixture();
    f.owner.say('请今天下班前上报人数').to(f.room);
    const demand = await f.next('上报人数');
    f.li.say('「王主任：请今天下班前上报人数」\n- - - - - - - - - - - - - - -\n收到').to(f.room);
    const ack = await f.next('收到');
    expect(ack.text).toBe('收到');
    expect(ack.replyTo).toBe(demand.id);
    expect(ack.quotesUnknown).toBeUndefined();
    // A quote of a message it never read (sent before the bot started) is marked, not linked.
    f.li.say('「王主任：上周的表格大家都交了吗」\n- - - - - - - - - - - - - - -\n@fingertip why').to(f.room);
    const why = await f.next('why');
    expect([why.replyTo, why.quotesUnknown]).toEqual([null, true]);
  });

  it('shows what a quote of a message it never read holds, when one member goes by the quoted name', async () => {
    const f = await fixture();
    f.owner.say('在吗').to(f.room);
    const ownerId = (await f.next('在吗')).sender.id;
    const quoting = (name: string, text: string, reply: string) =>
      f.li.say(`「${name}：${text}」\n- - - - - - - - - - - - - - -\n@fingertip\u2005${reply}`, [f.botUser]).to(f.room);
    quoting('王主任', '上周的表格大家都交了吗', 'first');
    const first = await f.next('first');
    expect(first.quotesUnknown).toBe(true);
    expect(first.quoted).toEqual({ id: expect.stringMatching(/^quote-[0-9a-f]{24}$/), text: '上周的表格大家都交了吗', senderId: ownerId });
    // The same message quoted again is the same message.
    quoting('王主任', '上周的表格大家都交了吗', 'again');
    expect((await f.next('again')).quoted?.id).toBe(first.quoted?.id);
    // Chatter quoting it is no command: no member search.
    f.li.say('「王主任：上周的表格大家都交了吗」\n- - - - - - - - - - - - - - -\nchatter').to(f.room);
    expect((await f.next('chatter')).quoted).toBeUndefined();
    // No one, the bot itself, a picture's label, or a name two members go by: whose text it is stays unknown.
    const twin = f.mocker.createContact({ name: '李雷' });
    f.room.add(twin).by(f.owner);
    await new Promise((resolve) => setTimeout(resolve, 50));
    quoting('张三', '请大家转发', 'nobody');
    quoting('fingertip', '本周群内共 3 条要求', 'bot');
    quoting('王主任', '图片', 'picture');
    quoting('李雷', '请大家转发', 'twins');
    for (const reply of ['nobody', 'bot', 'picture', 'twins']) {
      const msg = await f.next(reply);
      expect([reply, msg.quotesUnknown, msg.quoted]).toEqual([reply, true, undefined]);
    }
  });

  it('ignores its own messages, redeliveries and messages from before the login', async () => {
    const f = await fixture({ speakInRooms: true });
    f.li.say('before').to(f.room);
    const before = await f.next('before');
    await f.adapter.sendToGroup(before.group!.id, { text: 'bot talking' });
    f.mocker.puppet.emit('message', { messageId: before.id });
    emitPayload(f, { talkerId: f.li.id, roomId: f.room.id, text: 'replayed old news', timestamp: Date.now() - 3_600_000 });
    f.li.say('after').to(f.room);
    await f.next('after');
    expect(f.received.map((m) => m.text)).toEqual(['before', 'after']);
  });

  it('says which message it drops because the account logged out while an earlier delivery was failing', async () => {
    const world = mockWorld();
    const lines: string[] = [];
    let fail!: () => void;
    const failing = new Promise<void>((resolve) => (fail = resolve));
    let calls = 0;
    const adapter = createWechatyAdapter(wechatySettings(world.config), { print: (line) => lines.push(line) });
    await loggedIn(world, adapter, lines, async () => {
      calls++;
      await failing;
      throw new Error('store unavailable');
    });
    try {
      // The puppet delivers m-1 twice: the repeat waits for the first delivery, which fails after the logout.
      sayInRoom(world, 'm-1');
      world.mocker.puppet.emit('message', { messageId: 'm-1' });
      await waitFor(() => calls === 1, 'the first delivery handed over');
      await world.mocker.puppet.logout();
      await waitFor(() => lines.some((l) => l.includes('logged out')), 'the logout');
      fail();
    } finally {
      await adapter.stop();
    }
    expect(calls).toBe(1);
    expect(lines.filter((l) => l.includes('m-1'))).toEqual([
      'wechaty: message m-1 not handled: store unavailable',
      expect.stringMatching(/^wechaty: 1 more messages not handled in the last \d+ s \(the latest: message m-1 not handled: the account is not logged in\)$/),
    ]);
  });

  it('stops within its bound when a message is still being handled, saying how many were given up', async () => {
    const world = mockWorld();
    const lines: string[] = [];
    let arrived = 0;
    const adapter = createWechatyAdapter(wechatySettings(world.config), { print: (line) => lines.push(line), stopWaitMs: 100 });
    // A handler that never finishes, as one waiting on a lookup that stalled.
    await loggedIn(world, adapter, lines, () => {
      arrived++;
      return new Promise<void>(() => {});
    });
    sayInRoom(world, 'm-9');
    await waitFor(() => arrived === 1, 'the message handed over');
    await adapter.stop();
    expect(lines).toContain('wechaty: stopped after 0.1 s with 1 messages still being handled; WeChat does not deliver them again');
  });

  it('refreshes the member count when members join and leave', async () => {
    const f = await fixture();
    f.li.say('one').to(f.room);
    expect((await f.next('one')).group?.memberCount).toBe(3);
    const newcomer = f.mocker.createContact({ name: '新同事' });
    f.room.add(newcomer).by(f.owner);
    await new Promise((resolve) => setTimeout(resolve, 50));
    f.li.say('two').to(f.room);
    expect((await f.next('two')).group?.memberCount).toBe(4);
    f.room.remove(f.han, newcomer).by(f.owner);
    await new Promise((resolve) => setTimeout(resolve, 50));
    f.li.say('three').to(f.room);
    expect((await f.next('three')).group?.memberCount).toBe(2);
  });

  it('shows the login QR code in the terminal', async () => {
    const f = await fixture();
    f.mocker.scan('https://login.weixin.qq.com/l/fingertip-test', types.ScanStatus.Waiting);
    await waitFor(() => f.lines.some((l) => l.includes('scan this QR code')), 'scan line');
    // qrcode-terminal draws with block characters.
    expect(f.lines.some((l) => l.includes('▄') || l.includes('█'))).toBe(true);
  });
});

describe('wechaty adapter: messages out', () => {
  it('answers privately: sendPrivate reaches the member', async () => {
    const f = await fixture();
    const inbox = f.heard(f.li);
    f.li.say('@fingertip stats', [f.botUser]).to(f.room);
    const cmd = await f.next('stats');
    await f.adapter.sendPrivate(cmd.sender.id, { text: '本周你收到 3 条打卡要求' });
    expect(inbox.map((m) => m.text)).toEqual(['本周你收到 3 条打卡要求']);
  });

  it('stays silent in rooms by default: an answer to a command goes to the asker, other posts nowhere', async () => {
    const f = await fixture();
    const roomHeard = f.heard(f.room);
    const inbox = f.heard(f.han);
    const demanderInbox = f.heard(f.li);
    f.han.say('@fingertip help', [f.botUser]).to(f.room);
    const cmd = await f.next('help');
    await f.adapter.sendToGroup(cmd.group!.id, { text: 'commands: stats, help' }, { replyTo: cmd.id });
    await f.adapter.sendToGroup(cmd.group!.id, { text: 'weekly notice' });
    // A nudge replying to a demand is not turned into a private message to whoever made it.
    f.li.say('请大家今晚十点前完成打卡').to(f.room);
    const demand = await f.next('完成打卡');
    await f.adapter.sendToGroup(cmd.group!.id, { text: 'nudge' }, { replyTo: demand.id });
    expect(inbox.map((m) => m.text)).toEqual(['commands: stats, help']);
    expect(demanderInbox).toEqual([]);
    expect(roomHeard).toEqual([]);
    expect(f.lines.some((l) => l.includes('speakInRooms is off'))).toBe(true);
  });

  it('posts in the room when speakInRooms is on, mentioning the asker', async () => {
    const f = await fixture({ speakInRooms: true });
    const roomHeard = f.heard(f.room);
    f.han.say('@fingertip help', [f.botUser]).to(f.room);
    const cmd = await f.next('help');
    await f.adapter.sendToGroup(cmd.group!.id, { text: 'commands: stats, help' }, { replyTo: cmd.id });
    // wechaty writes the mention into the text (the mock puppet keeps no mention list).
    expect(roomHeard.map((m) => m.text)).toEqual(['@韩梅梅 commands: stats, help']);
  });

  it('keeps to the per-room and per-account pace when many answers are queued', async () => {
    const pace = { room: 0.12, account: 0.04, jitter: 0.02 };
    const f = await fixture({ speakInRooms: true, pace });
    const roomHeard = f.heard(f.room);
    const liHeard = f.heard(f.li);
    f.li.say('pace me').to(f.room);
    const msg = await f.next('pace me');
    const sends = [1, 2, 3, 4].map((i) => f.adapter.sendToGroup(msg.group!.id, { text: `room ${i}` }));
    sends.push(...[1, 2, 3].map((i) => f.adapter.sendPrivate(msg.sender.id, { text: `dm ${i}` })));
    await Promise.all(sends);
    expect(roomHeard.map((m) => m.text)).toEqual(['room 1', 'room 2', 'room 3', 'room 4']);
    expect(liHeard.map((m) => m.text)).toEqual(['dm 1', 'dm 2', 'dm 3']);
    const gaps = (xs: { at: number }[]) => xs.slice(1).map((x, i) => x.at - xs[i].at);
    // Timers may fire a millisecond early by the wall clock; allow that much.
    for (const gap of gaps(roomHeard)) expect(gap).toBeGreaterThanOrEqual(pace.room * 1000 - 2);
    for (const gap of gaps(liHeard)) expect(gap).toBeGreaterThanOrEqual(pace.room * 1000 - 2);
    const all = [...roomHeard, ...liHeard].sort((a, b) => a.at - b.at);
    for (const gap of gaps(all)) expect(gap).toBeGreaterThanOrEqual(pace.account * 1000 - 2);
  });

  /** An adapter logged in with a 200 ms say timeout and a 1 s give-up, whose puppet sends its first text as `first` says; Li's inbox, the tries, and whether the first settled. */
  async function stalling(first: (send: () => Promise<void>) => Promise<void>) {
    const world = mockWorld();
    const lines: string[] = [];
    const received: ChatMessage[] = [];
    const adapter = createWechatyAdapter(wechatySettings(world.config), {
      print: (line) => lines.push(line),
      resend: { attempts: 2, backoffMs: 10, timeoutMs: 200, giveUpMs: 1000 },
    });
    await loggedIn(world, adapter, lines, async (msg) => void received.push(msg));
    const inbox = world.heard(world.li);
    sayInRoom(world, 'm-1');
    const [asker] = await waitFor(() => received.length > 0 && received, 'the message');
    const puppet = world.mocker.puppet;
    const send = puppet.messageSendText.bind(puppet);
    const state = { tries: 0, firstSettled: false };
    puppet.messageSendText = async (...args: Parameters<typeof send>) => {
      if (++state.tries > 1) return send(...args);
      try {
        await first(async () => void (await send(...args)));
      } finally {
        state.firstSettled = true;
      }
    };
    return { adapter, lines, inbox, state, sendToLi: () => adapter.sendPrivate(asker.sender.id, { text: '已退出统计' }) };
  }
  const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('waits for a say WeChat answers late instead of saying it again, which would arrive twice', async () => {
    // The first send takes 400 ms, twice the timeout: it still arrives.
    const s = await stalling(async (send) => {
      await later(400);
      await send();
    });
    try {
      await s.sendToLi();
      await waitFor(() => s.state.firstSettled, 'the first send');
      expect(s.inbox.map((m) => m.text)).toEqual(['已退出统计']);
      expect(s.state.tries).toBe(1);
      expect(s.lines.filter((l) => l.includes('not sent'))).toEqual([]);
    } finally {
      await s.adapter.stop();
    }
  });

  it('says it again once a say WeChat answered late has failed', async () => {
    const s = await stalling(async () => {
      await later(400);
      throw new Error('connection reset');
    });
    try {
      await s.sendToLi();
      expect(s.state.tries).toBe(2);
      expect(s.inbox.map((m) => m.text)).toEqual(['已退出统计']);
    } finally {
      await s.adapter.stop();
    }
  });

  it('gives up a say WeChat never answers, in one line naming the contact, while the next goes out', async () => {
    const s = await stalling(() => new Promise<never>(() => {}));
    try {
      const sending = s.sendToLi().catch((err: unknown) => err);
      await waitFor(() => s.state.tries === 1, 'the first send');
      // The queue goes on past the unanswered say: the next one arrives.
      await s.sendToLi();
      expect(s.inbox.map((m) => m.text)).toEqual(['已退出统计']);
      // A generous bound that catches the wait that lasted until the stop.
      const outcome = await Promise.race([sending, later(10_000).then(() => 'still waiting')]);
      expect(String(outcome)).toBe('WorkError: not sent after 1 try: no answer from WeChat in 1 s; it may yet arrive');
      expect(s.state.tries).toBe(2);
      expect(s.lines.filter((l) => l.includes('not sent'))).toEqual([
        'wechaty: message to 李雷 not sent after 1 try: no answer from WeChat in 1 s; it may yet arrive',
      ]);
    } finally {
      await s.adapter.stop();
    }
  });

  it('stops while a say is never answered, without saying it again', async () => {
    const s = await stalling(() => new Promise<never>(() => {}));
    const sending = s.sendToLi().catch((err: unknown) => err);
    await waitFor(() => s.state.tries === 1, 'the first send');
    await later(300);
    await s.adapter.stop();
    expect(String(await sending)).toContain('not sent after 1 try');
    expect(s.state.tries).toBe(1);
    expect(s.lines.filter((l) => l.includes('not sent'))).toEqual([expect.stringContaining('it may yet arrive')]);
  });
});

describe('wechaty adapter: identities across logins', () => {
  it('keeps one group and one sender when a re-login brings new ids', async () => {
    const store = createMemoryIdentityStore();
    const first = await startFixture({ store });
    first.li.say('第一次登录').to(first.room);
    const before = await first.next('第一次登录');
    await first.adapter.stop();
    // A new login: every puppet id is new, the topic and names are the same.
    const second = await fixture({ store });
    expect(second.room.id).not.toBe(first.room.id);
    second.li.say('第二次登录').to(second.room);
    const after = await second.next('第二次登录');
    expect(after.group?.id).toBe(before.group?.id);
    expect(after.sender.id).toBe(before.sender.id);
    expect(after.group?.members).toEqual(expect.arrayContaining(before.group!.members!));
  });

  it('keeps the group id through a logout and login in one run, and across a rename', async () => {
    const f = await fixture();
    f.li.say('before logout').to(f.room);
    const before = await f.next('before logout');
    f.room.topic('办公室通知群（新）').by(f.owner);
    await new Promise((resolve) => setTimeout(resolve, 50));
    f.li.say('renamed').to(f.room);
    expect((await f.next('renamed')).group).toMatchObject({ id: before.group!.id, name: '办公室通知群（新）' });

    await f.mocker.puppet.logout();
    await waitFor(() => f.lines.some((l) => l.includes('logged out')), 'logout');
    const room2 = f.mocker.createRoom({ topic: '办公室通知群（新）', memberIdList: [f.botUser.id, f.owner.id, f.li.id] });
    f.mocker.login(f.botUser);
    await waitFor(() => f.lines.filter((l) => l.includes('logged in')).length === 2, 'second login');
    f.li.say('after login').to(room2);
    expect((await f.next('after login')).group?.id).toBe(before.group!.id);
  });

  it('tells apart two rooms that share a topic', async () => {
    const f = await fixture();
    const twin = f.mocker.createRoom({ topic: '办公室通知群', memberIdList: [f.botUser.id, f.li.id] });
    f.li.say('in the first').to(f.room);
    f.li.say('in the twin').to(twin);
    const a = await f.next('in the first');
    const b = await f.next('in the twin');
    expect(a.group?.id).not.toBe(b.group?.id);
  });
});

describe('wechaty adapter: setup', () => {
  it('fails to start with one line naming the puppet to install when it is missing', async () => {
    const config = defaultConfig();
    config.adapters.wechaty = { puppet: 'wechaty-puppet-wechat-missing', logLevel: 'silent' };
    const adapter = createWechatyAdapter(wechatySettings(config), { print: () => {} });
    await expect(adapter.start(async () => {})).rejects.toThrow(
      new InputError('adapters.wechaty.puppet: package wechaty-puppet-wechat-missing is not installed (run: npm install wechaty-puppet-wechat-missing)'),
    );
    await adapter.stop();
  });
});

describe('wechaty adapter: WeChat out of reach', () => {
  it('stops the puppet and starts it again after a wait that grows, one line per attempt, until a login', async () => {
    const world = mockWorld();
    const lines: string[] = [];
    const adapter = createWechatyAdapter(wechatySettings(world.config), { print: (line) => lines.push(line), backoff: new Backoff(50, 1000) });
    await adapter.start(async () => {});
    const puppet = world.mocker.puppet;
    const stops = vi.spyOn(puppet, 'onStop');
    const starts = vi.spyOn(puppet, 'onStart');
    // As wechat4u reports a failed start with no network, several times before its puppet is stopped.
    const offline = () => puppet.emit('error', { data: 'getaddrinfo ENOTFOUND login.wx.qq.com' });
    try {
      offline();
      offline();
      offline();
      expect(lines).toEqual(['wechaty: cannot reach WeChat (login.wx.qq.com): getaddrinfo ENOTFOUND; retrying in 0.05 s']);
      await waitFor(() => starts.mock.calls.length === 1, 'the first retry');
      expect(stops).toHaveBeenCalledTimes(1);
      offline();
      expect(lines.at(-1)).toBe('wechaty: cannot reach WeChat (login.wx.qq.com): getaddrinfo ENOTFOUND; retrying in 0.1 s');
      await waitFor(() => starts.mock.calls.length === 2, 'the second retry');

      world.mocker.login(world.botUser);
      await waitFor(() => lines.some((l) => l.includes('logged in as fingertip')), 'login');
      // Logged in, a network error is the puppet's to recover from: said as it is, nothing stopped.
      offline();
      expect(lines.at(-1)).toBe('wechaty: getaddrinfo ENOTFOUND login.wx.qq.com');
      await puppet.logout();
      await waitFor(() => lines.some((l) => l.includes('logged out')), 'logout');
      // The login started the waits afresh.
      offline();
      expect(lines.at(-1)).toBe('wechaty: cannot reach WeChat (login.wx.qq.com): getaddrinfo ENOTFOUND; retrying in 0.05 s');
      await waitFor(() => stops.mock.calls.length === 3, 'the puppet stopped again');
    } finally {
      await adapter.stop();
    }
  });
});
