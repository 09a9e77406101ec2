import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { Bot } from '../../../src/bot/bot.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { defaultEngine } from '../../../src/engine/index.js';
import { openStore } from '../../../src/analysis/open-store.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { tempDir } from '../../support/temp-dir.js';
import { eventEnvelope, sendSigned, SIGNING_SECRET, slashCommandForm } from './signed-request.js';
import { holdWriteLock } from '../../support/sqlite-file.js';
import { TEXTS } from '../../../src/commands/texts.js';
import { storedRecords } from '../../support/stored-records.js';
import { RunningBots, type RunningBot } from '../../support/running-bots.js';
import type { SerialWriter } from '../../../src/store/serial-writer.js';

// The whole path: signed Events API requests → Bolt → the Slack adapter → the bot → a real SQLite
// file; answers go out through the adapter to the local Web API stub.

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';
/** A channel whose member list takes pages of its own to store. */
const HR = Array.from({ length: 1000 }, (_, i) => `UHR${i}`);

interface Running extends RunningBot {
  adapter: SlackAdapter;
}

const stubs: SlackApiStub[] = [];

afterEach(async () => {
  for (const s of stubs.splice(0)) await s.close();
});
// Registered after the stubs' hook, so (hooks run in reverse) bots stop before their stubs close.
const running = new RunningBots();

async function stub(): Promise<SlackApiStub> {
  const s = await startSlackApiStub({
    users: [
      { id: 'U1', name: 'Li' },
      { id: 'U2', name: 'Wang' },
      { id: 'UADMIN', name: 'Boss', is_admin: true },
      // users.info fields of another type than Slack's.
      { id: 'UODD', name: { a: 1 }, is_admin: 'false', is_owner: 1 },
    ],
    channels: {
      C01: { name: 'ops', members: ['U1', 'U2', 'UADMIN', 'UBOT'] },
      C02: { name: 'hr', members: HR },
      C03: { name: { a: 1 }, members: ['U1', 'UODD', 'UBOT'] },
    },
  });
  stubs.push(s);
  return s;
}

async function startBot(api: SlackApiStub, db: string, log: (line: string) => void = () => {}, busyTimeoutMs?: number): Promise<Running> {
  const config = defaultConfig();
  config.db = db;
  const store = await openStore(db, config.timezone, { busyTimeoutMs });
  const adapter = createSlackAdapter({ token: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: api.url, admins: [] }, { log, sendIntervalMs: 0 });
  const bot = new Bot({ config, store, engine: defaultEngine(), adapters: [adapter], log });
  await bot.start();
  const r = { bot, store, adapter };
  running.add(r);
  return r;
}

async function eventually<T>(check: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const message = (ts: string, text: string, user = 'U1') => ({ type: 'message', channel: 'C01', channel_type: 'channel', user, ts, text });
const mention = (ts: string, text: string, user = 'U1') => ({ type: 'app_mention', channel: 'C01', user, ts, text: `<@UBOT> ${text}` });

describe('Slack adapter through the bot', () => {
  it('stores a demand with its group and member count', async () => {
    const api = await stub();
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    await sendSigned(adapter.port!, eventEnvelope(message('1800000001.000100', DEMAND)));
    const [rec] = await eventually(async () => ((await storedRecords(store)).length ? storedRecords(store) : undefined));
    expect(rec).toMatchObject({ platform: 'slack', id: 'C01/1800000001.000100', groupId: 'C01', groupName: 'ops', senderId: 'U1', recipients: 2 });
    expect(rec.categories).toContain('check-in');
    expect(await store.group('slack', 'C01')).toMatchObject({ name: 'ops', members: 3, memberIds: ['U1', 'U2', 'UADMIN'] });
  });

  it('classifies the words sent with a picture as any text, and a picture without words as no demand', async () => {
    const api = await stub();
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    const picture = (ts: string, text: string) => ({ ...message(ts, text), subtype: 'file_share', files: [{ mimetype: 'image/png' }] });
    await sendSigned(adapter.port!, eventEnvelope(picture('1800000001.000300', DEMAND)));
    await sendSigned(adapter.port!, eventEnvelope(picture('1800000001.000400', '')));
    const records = await storedRecords(store);
    expect(records.map((r) => [r.id, r.categories.includes('check-in'), r.isAck])).toEqual([
      ['C01/1800000001.000300', true, false],
      ['C01/1800000001.000400', false, false],
    ]);
  });

  it("stores a message without waiting for a slow member lookup, and the group's members once it came", async () => {
    const api = await stub();
    api.replyOnce('conversations.members', { status: 429, headers: { 'retry-after': '1' } });
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    const sent = Date.now();
    expect((await sendSigned(adapter.port!, eventEnvelope(message('1800000001.000200', DEMAND)))).status).toBe(200);
    expect(Date.now() - sent).toBeLessThan(1000);
    const [rec] = await storedRecords(store);
    expect(rec).toMatchObject({ id: 'C01/1800000001.000200', recipients: 0 });
    const group = await eventually(async () => ((await store.group('slack', 'C01'))?.members ? store.group('slack', 'C01') : undefined));
    expect(group).toMatchObject({ name: 'ops', members: 3, memberIds: ['U1', 'U2', 'UADMIN'] });
    expect((await storedRecords(store)).map((r) => r.id)).toEqual(['C01/1800000001.000200']);
  });

  it('counts a redelivered event once, also after a restart', async () => {
    const api = await stub();
    const db = join(tempDir(), 'bot.db');
    const first = await startBot(api, db);
    const body = eventEnvelope(message('1800000002.000100', DEMAND), 'EvOnce');
    await sendSigned(first.adapter.port!, body);
    await sendSigned(first.adapter.port!, body, { retryNum: 1 });
    await eventually(async () => ((await storedRecords(first.store)).length ? true : undefined));
    await running.stop(first);

    const second = await startBot(api, db);
    await sendSigned(second.adapter.port!, body, { retryNum: 2 });
    await sendSigned(second.adapter.port!, eventEnvelope(message('1800000002.000200', 'ok')));
    const all = await eventually(async () => {
      const recs = await storedRecords(second.store);
      return recs.length === 2 ? recs : undefined;
    });
    expect(all.map((r) => r.id)).toEqual(['C01/1800000002.000100', 'C01/1800000002.000200']);
  });

  it('refuses a forged signature with 401 and stores nothing', async () => {
    const api = await stub();
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    const res = await sendSigned(adapter.port!, eventEnvelope(message('1800000003.000100', DEMAND)), { secret: 'forged' });
    expect(res.status).toBe(401);
    await sendSigned(adapter.port!, eventEnvelope(message('1800000003.000200', 'ok')));
    const all = await eventually(async () => {
      const recs = await storedRecords(store);
      return recs.length ? recs : undefined;
    });
    expect(all.map((r) => r.id)).toEqual(['C01/1800000003.000200']);
  });

  // The bot answers `stats` in a group for the group; a member's own figures (`stats me`) go privately.
  it('answers "@fingertip stats me" privately, never in the channel', async () => {
    const api = await stub();
    const { adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    await sendSigned(adapter.port!, eventEnvelope(mention('1800000004.000100', 'stats me')));
    const [answer] = await eventually(async () => (api.callsTo('chat.postEphemeral').length ? api.callsTo('chat.postEphemeral') : undefined));
    expect(answer.args).toMatchObject({ channel: 'C01', user: 'U1' });
    expect(api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers "stats" in a DM by DM', async () => {
    const api = await stub();
    const { adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    await sendSigned(
      adapter.port!,
      eventEnvelope({ type: 'message', channel: 'D0U1', channel_type: 'im', user: 'U1', ts: '1800000004.000200', text: 'stats' }),
    );
    const [answer] = await eventually(async () => (api.callsTo('chat.postMessage').length ? api.callsTo('chat.postMessage') : undefined));
    expect(api.callsTo('conversations.open').at(-1)?.args).toMatchObject({ users: 'U1' });
    expect(answer.args).toMatchObject({ channel: 'DU1' });
  });

  it('refuses an admin-only command from a member and takes it from a Slack admin', async () => {
    const api = await stub();
    const { adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    await sendSigned(adapter.port!, eventEnvelope(mention('1800000005.000100', 'config mode nudge', 'U2')));
    const refusal = await eventually(async () => api.callsTo('chat.postEphemeral')[0]);
    expect(refusal.args).toMatchObject({ user: 'U2', text: 'Only the group owner or admins can change settings.' });
    await sendSigned(adapter.port!, eventEnvelope(mention('1800000005.000200', 'config mode nudge', 'UADMIN')));
    const answers = await eventually(async () => {
      const calls = [...api.callsTo('chat.postEphemeral'), ...api.callsTo('chat.postMessage')];
      return calls.length >= 2 ? calls : undefined;
    });
    expect(answers.some((c) => c.args.text?.startsWith('Saved: mode nudge'))).toBe(true);
  });

  it('reads the directory by type: is_admin "false" grants no settings, a name of another type is none, the message kept', async () => {
    const api = await stub();
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    await sendSigned(adapter.port!, eventEnvelope({ ...message('1800000005.000300', DEMAND, 'UODD'), channel: 'C03' }));
    const [rec] = await eventually(async () => {
      const recs = await storedRecords(store);
      return recs.length ? recs : undefined;
    });
    expect(rec).toMatchObject({ id: 'C03/1800000005.000300', senderId: 'UODD', recipients: 1 });
    expect([rec.groupName, rec.senderName]).toEqual([undefined, undefined]);
    await sendSigned(adapter.port!, eventEnvelope({ ...mention('1800000005.000400', 'config mode nudge', 'UODD'), channel: 'C03' }));
    const refusal = await eventually(async () => api.callsTo('chat.postEphemeral')[0]);
    expect(refusal.args).toMatchObject({ user: 'UODD', text: 'Only the group owner or admins can change settings.' });
    expect((await store.groupSettings('slack', 'C03')).mode).not.toBe('nudge');
  });

  it('retries an answer refused with 429 after Retry-After', async () => {
    const api = await stub();
    const { adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    api.replyOnce('chat.postEphemeral', { status: 429, headers: { 'retry-after': '1' } });
    await sendSigned(adapter.port!, eventEnvelope(mention('1800000006.000100', 'stats me')));
    const [refused, delivered] = await eventually(async () => {
      const calls = api.callsTo('chat.postEphemeral');
      return calls.length === 2 ? calls : undefined;
    });
    expect([refused.status, delivered.status]).toEqual([429, 200]);
    expect(delivered.at - refused.at).toBeGreaterThanOrEqual(1000);
    expect(delivered.args).toMatchObject({ channel: 'C01', user: 'U1' });
  });

  it('answers 400 to a signed "event": null and 401 to a timestamp an hour ahead or behind, storing none', async () => {
    const api = await stub();
    const lines: string[] = [];
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'), (l) => lines.push(l));
    const eventNull = JSON.stringify({ ...JSON.parse(eventEnvelope(message('1800000007.000100', DEMAND), 'EvNull')), event: null });
    expect((await sendSigned(adapter.port!, eventNull)).status).toBe(400);
    const ahead = Math.floor(Date.now() / 1000) + 3600;
    expect((await sendSigned(adapter.port!, eventEnvelope(message('1800000007.000200', DEMAND)), { timestamp: ahead })).status).toBe(401);
    expect((await sendSigned(adapter.port!, eventEnvelope(message('1800000007.000250', DEMAND)), { timestamp: ahead - 7200 })).status).toBe(401);
    // Five minutes either way is Slack's rule: a clock a little ahead is no replay.
    expect((await sendSigned(adapter.port!, eventEnvelope(message('1800000007.000300', 'ok')), { timestamp: ahead - 3500 })).status).toBe(200);
    expect((await storedRecords(store)).map((r) => r.id)).toEqual(['C01/1800000007.000300']);
    expect(lines).toEqual([
      'slack: request refused with 400: event_callback EvNull without an event object',
      expect.stringMatching(/^slack: request refused with 401: its timestamp is (3599|3600) s ahead of this machine's clock/),
      expect.stringMatching(/^slack warning: .*x-slack-request-timestamp must differ from system time by no more than 5 minutes/),
    ]);
  });

  it('acknowledges nothing a full database did not store, logs the failures in two lines, and stores it on redelivery', async () => {
    const api = await stub();
    const db = join(tempDir(), 'bot.db');
    const lines: string[] = [];
    const bot = await startBot(api, db, (l) => lines.push(l));
    // SQLite's own "database or disk is full", a few pages on: the limit is the writing connection's.
    const writer = (bot.store as unknown as { writer: SerialWriter }).writer.db;
    const pages = (await writer.get<{ page_count: number }>('PRAGMA page_count'))!.page_count;
    await writer.get(`PRAGMA max_page_count = ${pages + 4}`);

    const statuses = new Map<string, number>();
    for (let i = 0; i < 300; i += 10) {
      const batch = Array.from({ length: 10 }, (_, k) => `1800000008.${String(i + k).padStart(6, '0')}`);
      const answers = await Promise.all(
        batch.map((ts) => sendSigned(bot.adapter.port!, eventEnvelope(message(ts, `${DEMAND}（第${ts}号通知）`))).then((r) => r.status)),
      );
      batch.forEach((ts, k) => statuses.set(`C01/${ts}`, answers[k]));
    }
    const stored = new Set((await storedRecords(bot.store)).map((r) => r.id));
    const acked = [...statuses].filter(([, status]) => status === 200).map(([id]) => id);
    const refused = [...statuses].filter(([, status]) => status !== 200);
    expect(acked.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(100);
    expect(refused.every(([, status]) => status === 503)).toBe(true);
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    expect(refused.filter(([id]) => stored.has(id))).toEqual([]);

    // A group first seen while the disk was full gets its members on Slack's redelivery, once there is room.
    const firstInC02 = eventEnvelope({ ...message('1800000008.000900', DEMAND), channel: 'C02' }, 'EvC02');
    expect((await sendSigned(bot.adapter.port!, firstInC02)).status).toBe(503);
    await writer.get(`PRAGMA max_page_count = ${pages + 1000}`);
    expect((await sendSigned(bot.adapter.port!, firstInC02, { retryNum: 1 })).status).toBe(200);
    expect(await bot.store.group('slack', 'C02')).toMatchObject({ name: 'hr', members: 1000 });

    await running.stop(bot);
    const full = `${db}: the disk is full; nothing more can be stored until space is freed`;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^slack: message C01\/1800000008\.\d+ \(event Ev\d+\) failed: /);
    expect(lines[0]).toContain(`${full}; answered 503, for Slack to deliver it again`);
    expect(lines[1]).toMatch(new RegExp(`^slack: ${refused.length} more events failed in the last \\d+ s \\(the latest: message C02/`));
    expect(lines[1]).toContain(full);
  });
  it("takes `missed` on a message another instance stored, reading it back from Slack's history", async () => {
    const api = await stub();
    const db = join(tempDir(), 'bot.db');
    const [a, c] = [await startBot(api, db), await startBot(api, db)];
    // Posted an hour ago and read by instance a, which stored it unflagged (without its text): c never received it.
    const ts = `${Math.floor(Date.now() / 1000) - 3600}.000700`;
    const text = 'Team, kindly go through the new handbook on the portal by Friday';
    api.channels.get('C01')!.messages = [{ ts, user: 'U2', text }];
    expect((await sendSigned(a.adapter.port!, eventEnvelope(message(ts, text, 'U2')))).status).toBe(200);
    expect(await c.store.message('slack', `C01/${ts}`)).toMatchObject({ categories: [], text: null });
    await sendSigned(c.adapter.port!, eventEnvelope({ ...mention('1800000050.000100', 'missed acknowledgements'), thread_ts: ts }));
    const [report] = await eventually(async () => ((await c.store.missedDemands()).length ? c.store.missedDemands() : undefined));
    expect(report).toMatchObject({ platform: 'slack', messageId: `C01/${ts}`, text, categories: ['ack-demand'] });
    expect(api.callsTo('conversations.history').at(-1)?.args).toMatchObject({ channel: 'C01', latest: ts });
  });

  it('re-reads an edited message, erases a deleted one and keeps it so on redelivery, acknowledging each once committed', async () => {
    const api = await stub();
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    const [a, b] = ['1800000010.000100', '1800000010.000200'];
    await sendSigned(adapter.port!, eventEnvelope(message(a, DEMAND)));
    await sendSigned(adapter.port!, eventEnvelope(message(b, 'lunch at noon?')));
    const edit = { type: 'message', subtype: 'message_changed', channel: 'C01', ts: '1800000010.000900', hidden: true };
    const edited = await sendSigned(
      adapter.port!,
      eventEnvelope({
        ...edit,
        message: { type: 'message', user: 'U2', ts: b, text: DEMAND },
        previous_message: { user: 'U2', ts: b, text: 'lunch at noon?' },
      }),
    );
    expect(edited.status).toBe(200);
    expect(await store.message('slack', `C01/${b}`)).toMatchObject({ text: DEMAND, senderId: 'U1', ts: 1800000010000 });

    // The first delivery of the deletion fails in the store: Slack is not told it was handled, and delivers it again.
    const removeMessage = store.removeMessage.bind(store);
    store.removeMessage = () => Promise.reject(new Error('SQLITE_FULL: database or disk is full'));
    const deleted = eventEnvelope(
      { type: 'message', subtype: 'message_deleted', channel: 'C01', ts: '1800000010.000950', deleted_ts: a, hidden: true },
      'EvDel',
    );
    expect((await sendSigned(adapter.port!, deleted)).status).toBe(503);
    expect(await store.message('slack', `C01/${a}`)).toBeDefined();
    store.removeMessage = removeMessage;
    expect((await sendSigned(adapter.port!, deleted, { retryNum: 1 })).status).toBe(200);
    // A message with thread replies, deleted, stays as a tombstone message.
    const tombstone = { type: 'message', subtype: 'tombstone', user: 'USLACKBOT', ts: b, text: 'This message was deleted.' };
    expect((await sendSigned(adapter.port!, eventEnvelope({ ...edit, message: tombstone, previous_message: { ts: b, text: DEMAND } }))).status).toBe(200);
    expect(await storedRecords(store)).toEqual([]);
    // Slack delivers the message event again after its deletion: it stays gone.
    expect((await sendSigned(adapter.port!, eventEnvelope(message(a, DEMAND)), { retryNum: 1 })).status).toBe(200);
    expect(await storedRecords(store)).toEqual([]);
  });

  describe('an edit that comes before its message is stored', () => {
    const ts = '1800000020.000100';
    const edit = eventEnvelope(
      {
        type: 'message',
        subtype: 'message_changed',
        channel: 'C01',
        ts: '1800000020.000900',
        hidden: true,
        message: { type: 'message', user: 'U1', ts, text: '大家周末愉快', edited: { user: 'U1', ts: '1800000020.000900' } },
        previous_message: { type: 'message', user: 'U1', ts, text: DEMAND },
      },
      'EvEdit',
    );

    it('waits for the message still being looked up, then edits it', async () => {
      const api = await stub();
      const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
      // The channel's members are rate limited: the message waits for them before it is stored.
      api.replyOnce('conversations.members', { status: 429, headers: { 'retry-after': '1' } });
      const first = sendSigned(adapter.port!, eventEnvelope(message(ts, DEMAND)));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await sendSigned(adapter.port!, edit)).status).toBe(200);
      expect((await first).status).toBe(200);
      expect(await store.message('slack', `C01/${ts}`)).toMatchObject({ categories: [], text: null });
    });

    it('is refused while the storing failed, and applied when Slack delivers both again', async () => {
      const api = await stub();
      const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
      const add = store.add.bind(store);
      store.add = () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
      expect((await sendSigned(adapter.port!, eventEnvelope(message(ts, DEMAND)))).status).toBe(503);
      expect((await sendSigned(adapter.port!, edit)).status).toBe(503);
      store.add = add;
      expect((await sendSigned(adapter.port!, eventEnvelope(message(ts, DEMAND)), { retryNum: 1 })).status).toBe(200);
      expect((await sendSigned(adapter.port!, edit, { retryNum: 1 })).status).toBe(200);
      expect(await store.message('slack', `C01/${ts}`)).toMatchObject({ categories: [], text: null });
    });

    it('is applied on the instance whose storing failed once another instance stored the message', async () => {
      const api = await stub();
      const db = join(tempDir(), 'bot.db');
      const a = await startBot(api, db);
      const c = await startBot(api, db);
      const add = a.store.add.bind(a.store);
      a.store.add = () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
      expect((await sendSigned(a.adapter.port!, eventEnvelope(message(ts, DEMAND)))).status).toBe(503);
      a.store.add = add;
      expect((await sendSigned(c.adapter.port!, eventEnvelope(message(ts, DEMAND)), { retryNum: 1 })).status).toBe(200);
      expect((await sendSigned(a.adapter.port!, edit)).status).toBe(200);
      expect(await a.store.message('slack', `C01/${ts}`)).toMatchObject({ categories: [], text: null });
    });
  });

  it('reads a file whose caption was edited away as a file again: no demand, and nothing held for `missed`', async () => {
    const api = await stub();
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    const ts = `${Math.floor(Date.now() / 1000) - 60}.000700`;
    const pdf = [{ mimetype: 'application/pdf' }];
    await sendSigned(adapter.port!, eventEnvelope({ ...message(ts, DEMAND, 'U2'), subtype: 'file_share', files: pdf }));
    expect((await store.message('slack', `C01/${ts}`))?.categories).toContain('check-in');
    const at = `${Math.floor(Date.now() / 1000)}.000900`;
    const edit = {
      type: 'message',
      subtype: 'message_changed',
      channel: 'C01',
      ts: at,
      hidden: true,
      message: { type: 'message', user: 'U2', ts, text: '', files: pdf, edited: { user: 'U2', ts: at } },
      previous_message: { type: 'message', user: 'U2', ts, text: DEMAND },
    };
    expect((await sendSigned(adapter.port!, eventEnvelope(edit, 'EvCaption'))).status).toBe(200);
    expect(await store.message('slack', `C01/${ts}`)).toMatchObject({ categories: [], text: null });
    await sendSigned(adapter.port!, eventEnvelope({ ...mention('1800000050.000100', 'missed check-in'), thread_ts: ts }));
    await eventually(async () => api.callsTo('chat.postEphemeral')[0]);
    expect(await store.missedDemands()).toEqual([]);
  });

  it('takes `missed` on no picture without words nor bare "收到", read back from Slack or stored', async () => {
    const api = await stub();
    const db = join(tempDir(), 'bot.db');
    const a = await startBot(api, db);
    const [picture, ack] = [`${Math.floor(Date.now() / 1000) - 600}.000700`, `${Math.floor(Date.now() / 1000) - 500}.000700`];
    const png = [{ mimetype: 'image/png' }];
    api.channels.get('C01')!.messages = [
      { ts: picture, user: 'U2', text: '', subtype: 'file_share', files: png },
      { ts: ack, user: 'U2', text: '收到' },
    ];
    await sendSigned(a.adapter.port!, eventEnvelope({ ...message(picture, '', 'U2'), subtype: 'file_share', files: png }));
    await sendSigned(a.adapter.port!, eventEnvelope(message(ack, '收到', 'U2')));
    // Another instance on the same store, which never held them.
    const c = await startBot(api, db);
    await sendSigned(c.adapter.port!, eventEnvelope({ ...mention('1800000050.000100', 'missed check-in'), thread_ts: picture }));
    await sendSigned(c.adapter.port!, eventEnvelope({ ...mention('1800000050.000200', 'missed ack-demand'), thread_ts: ack }));
    await eventually(async () => api.callsTo('chat.postEphemeral')[1]);
    expect(await c.store.missedDemands()).toEqual([]);
  });

  it('keeps the later of two edits when Slack retries the earlier after it', async () => {
    const api = await stub();
    const { store, adapter } = await startBot(api, join(tempDir(), 'bot.db'));
    const a = '1800000010.000100';
    await sendSigned(adapter.port!, eventEnvelope(message(a, 'lunch at noon?')));
    const change = (text: string, previous: string, at: string, eventId: string) =>
      eventEnvelope(
        {
          type: 'message',
          subtype: 'message_changed',
          channel: 'C01',
          ts: at,
          hidden: true,
          message: { type: 'message', user: 'U1', ts: a, text, edited: { user: 'U1', ts: at } },
          previous_message: { type: 'message', user: 'U1', ts: a, text: previous },
        },
        eventId,
      );
    // The first edit fails in the store: answered 503, Slack retries it, but only after the second edit came.
    const first = change(DEMAND, 'lunch at noon?', '1800000011.000000', 'EvE1');
    const editMessage = store.editMessage.bind(store);
    store.editMessage = () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
    expect((await sendSigned(adapter.port!, first)).status).toBe(503);
    store.editMessage = editMessage;
    expect((await sendSigned(adapter.port!, change('lunch at 1pm, sorry', DEMAND, '1800000012.000000', 'EvE2'))).status).toBe(200);
    expect((await sendSigned(adapter.port!, first, { retryNum: 1 })).status).toBe(200);
    expect(await store.message('slack', `C01/${a}`)).toMatchObject({ categories: [], text: null });
  });

  it('answers a slash command that failed in its language, saying nothing of the database, which goes to the log', async () => {
    const api = await stub();
    const db = join(tempDir(), 'bot.db');
    const lines: string[] = [];
    // A lock is waited for 200 ms: the failure comes before the ack.
    const { adapter, store } = await startBot(api, db, (l) => lines.push(l), 200);
    // The channel's admins chose English, as the bot read on a message there: a bare /fingertip, of no
    // language of its own, is answered in it; a command in its own.
    await store.updateGroupSettings('slack', 'C01', (s) => ({ ...s, language: 'en' }));
    expect((await sendSigned(adapter.port!, eventEnvelope(message('1800000060.000100', 'lunch at noon?')))).status).toBe(200);
    const lock = await holdWriteLock(db);
    try {
      for (const [text, answer] of [
        ['统计', '没有完成，什么也没有记下，请稍后再发一次。'],
        ['stats', 'Not done, and nothing was recorded: please send it again later.'],
        ['', 'Not done, and nothing was recorded: please send it again later.'],
      ]) {
        const res = await sendSigned(adapter.port!, slashCommandForm({ text, user_id: 'U1', user_name: 'li', channel_id: 'C01', channel_name: 'ops' }), {
          contentType: 'application/x-www-form-urlencoded',
        });
        expect([res.status, await res.json()]).toEqual([200, { response_type: 'ephemeral', text: answer }]);
      }
    } finally {
      await lock.release();
    }
    expect(lines[0]).toMatch(/^slack: slash command trig-\d+ failed: .*bot\.db: the database is locked by another process/);
  });

  describe('a `forget me` whose work fails after its ack (the file locked by another process)', () => {
    const forgetMe = (adapter: SlackAdapter) =>
      sendSigned(adapter.port!, slashCommandForm({ text: 'forget me', user_id: 'U1', user_name: 'li', channel_id: 'C01', channel_name: 'ops' }), {
        contentType: 'application/x-www-form-urlencoded',
      });
    const ephemeral = (api: SlackApiStub, n: number) => eventually(async () => api.callsTo('chat.postEphemeral')[n], 20_000);

    it('tells the member, keeps trying, and erases once the file is free, telling them so', async () => {
      const api = await stub();
      const db = join(tempDir(), 'bot.db');
      // A lock is waited for 3 s: the failure comes after the ack, sent at 2.5 s.
      const { adapter, store } = await startBot(api, db, () => {}, 3000);
      const ts = '1800000013.000100';
      expect((await sendSigned(adapter.port!, eventEnvelope(message(ts, DEMAND)))).status).toBe(200);
      const lock = await holdWriteLock(db);
      try {
        const res = await forgetMe(adapter);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe('');
        const told = await ephemeral(api, 0);
        expect(told.args).toMatchObject({
          channel: 'C01',
          user: 'U1',
          text: 'Your data is not erased yet. The bot keeps trying in the background and tells you once it is erased.',
        });
        expect(await store.message('slack', `C01/${ts}`)).toMatchObject({ text: DEMAND });
      } finally {
        await lock.release();
      }
      const done = await ephemeral(api, 1);
      expect(done.args).toMatchObject({ channel: 'C01', user: 'U1', text: TEXTS.forgotten('en') });
      expect(await store.message('slack', `C01/${ts}`)).toMatchObject({ text: null });
    }, 60_000);

    it('tells the member to send it again when the bot stops before the erasure is done', async () => {
      const api = await stub();
      const db = join(tempDir(), 'bot.db');
      const bot = await startBot(api, db, () => {}, 3000);
      const lock = await holdWriteLock(db);
      try {
        await forgetMe(bot.adapter);
        await ephemeral(api, 0);
        await running.stop(bot);
      } finally {
        await lock.release();
      }
      expect(api.callsTo('chat.postEphemeral').map((c) => c.args.text)).toEqual([
        expect.stringMatching(/^Your data is not erased yet/),
        'Your data was not erased: the bot stopped before it could. Please send "forget me" again.',
      ]);
    }, 60_000);
  });
});
