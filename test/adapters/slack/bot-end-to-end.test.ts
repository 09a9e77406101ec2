import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { Bot } from '../../../src/bot/bot.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { defaultEngine } from '../../../src/engine/index.js';
import { openStore } from '../../../src/store/open.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { tempDir } from '../../support/temp-dir.js';
import { eventEnvelope, sendSigned, SIGNING_SECRET } from './signed-request.js';
import { storedRecords } from '../../support/stored-records.js';
import { RunningBots, type RunningBot } from '../../support/running-bots.js';

// The whole path: signed Events API requests → Bolt → the Slack adapter → the bot → a real SQLite
// file; answers go out through the adapter to the local Web API stub.

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';

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
    ],
    channels: { C01: { name: 'ops', members: ['U1', 'U2', 'UADMIN', 'UBOT'] } },
  });
  stubs.push(s);
  return s;
}

async function startBot(api: SlackApiStub, db: string): Promise<Running> {
  const config = defaultConfig();
  config.db = db;
  const store = await openStore(db);
  const adapter = createSlackAdapter(
    { token: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: api.url, admins: [] },
    { log: () => {}, sendIntervalMs: 0 },
  );
  const bot = new Bot({ config, store, engine: defaultEngine(), adapters: [adapter], log: () => {} });
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
    await sendSigned(adapter.port!, eventEnvelope({ type: 'message', channel: 'D0U1', channel_type: 'im', user: 'U1', ts: '1800000004.000200', text: 'stats' }));
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
});
