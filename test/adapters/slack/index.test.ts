import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { eventEnvelope, sendSigned, SIGNING_SECRET, slashCommandForm } from './signed-request.js';
import { waitFor } from '../../support/wait-for.js';
import { MessageSink } from '../../support/message-sink.js';

// Real Bolt over HTTP on an ephemeral port, signed requests in, the local Web API stub at apiUrl.

let stub: SlackApiStub;
let adapter: SlackAdapter;
const sink = new MessageSink();
const logs: string[] = [];

const byId = (id: string) => sink.byId(id);

function message(fields: Record<string, unknown>): Record<string, unknown> {
  return { type: 'message', channel: 'C01', channel_type: 'channel', user: 'U1', ...fields };
}

beforeAll(async () => {
  stub = await startSlackApiStub({
    users: [
      { id: 'U1', name: 'Li', tz: 'Asia/Shanghai' },
      { id: 'U2', name: 'Wang' },
      { id: 'UADMIN', name: 'Boss', is_admin: true },
      { id: 'UCFG', name: 'Zhao' },
      { id: 'U3', name: 'Sun' },
    ],
    channels: {
      C01: { name: 'ops', members: ['U1', 'U2', 'UADMIN', 'UBOT'] },
      C02: { name: 'hr', members: ['U1', 'U2'] },
      C03: { name: 'sales', members: ['U1', 'U3'] },
    },
  });
  adapter = createSlackAdapter(
    { token: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: stub.url, admins: ['UCFG'] },
    { log: (line) => logs.push(line), sendIntervalMs: 20 },
  );
  await adapter.start(sink.onMessage);
});

afterAll(async () => {
  await adapter?.stop();
  await stub?.close();
});

describe('Slack adapter over HTTP', () => {
  it('hands over a channel demand with its group, member count (the bot left out) and sender', async () => {
    const res = await sendSigned(
      adapter.port!,
      eventEnvelope(message({ ts: '1800000001.000100', text: '<!channel> 请全体同事今晚十点前完成打卡并截图发群里' }), 'EvDemand'),
    );
    expect(res.status).toBe(200);
    const msg = await waitFor(byId('C01/1800000001.000100'));
    expect(msg).toMatchObject({
      platform: 'slack',
      eventId: 'EvDemand',
      group: { id: 'C01', name: 'ops', memberCount: 3, members: ['U1', 'U2', 'UADMIN'] },
      sender: { id: 'U1', name: 'Li' },
      text: '@channel 请全体同事今晚十点前完成打卡并截图发群里',
      ts: 1800000001000,
      kind: 'text',
      mentionsAll: true,
      addressed: false,
      replyTo: null,
      senderIsAdmin: false,
    });
  });

  it('hands a redelivered event over again with the same eventId, for the bot to dedupe', async () => {
    const body = eventEnvelope(message({ ts: '1800000002.000100', text: 'All staff: fill in the attendance form by 5pm today' }), 'EvRetry');
    expect((await sendSigned(adapter.port!, body)).status).toBe(200);
    expect((await sendSigned(adapter.port!, body, { retryNum: 1 })).status).toBe(200);
    await waitFor(() => (sink.received.length === 2 ? sink.received : undefined));
    expect(sink.received.map((m) => [m.id, m.eventId])).toEqual([
      ['C01/1800000002.000100', 'EvRetry'],
      ['C01/1800000002.000100', 'EvRetry'],
    ]);
  });

  it('refuses a forged signature with 401 and hands nothing over', async () => {
    const before = stub.calls.length;
    const res = await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000003.000100', text: '请大家今晚十点前完成打卡' })), {
      secret: 'not-the-secret',
    });
    expect(res.status).toBe(401);
    // A valid event after it is handed over, so the forged one had its chance to arrive first.
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000003.000200', text: 'ok' })));
    await waitFor(byId('C01/1800000003.000200'));
    expect(sink.received.map((m) => m.id)).toEqual(['C01/1800000003.000200']);
    expect(stub.calls.slice(before).every((c) => c.method !== 'chat.postMessage')).toBe(true);
  });

  it('answers the request only once the bot is done with the message', async () => {
    const release = sink.hold();
    let answered: number | undefined;
    const res = sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000004.000100', text: '收到' }))).then((r) => {
      answered = Date.now();
      return r;
    });
    await waitFor(byId('C01/1800000004.000100'));
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBeUndefined();
    const released = Date.now();
    release();
    expect((await res).status).toBe(200);
    expect(answered).toBeGreaterThanOrEqual(released);
  });

  it('does not hold the answer for a slow lookup: hands the message over without it, then again filled in', async () => {
    stub.replyOnce('conversations.members', { status: 429, headers: { 'retry-after': '1' } });
    stub.replyOnce('users.info', { status: 429, headers: { 'retry-after': '1' } });
    const sent = Date.now();
    const res = await sendSigned(
      adapter.port!,
      eventEnvelope(message({ channel: 'C03', user: 'U3', ts: '1800000004.000200', text: '请大家今晚十点前完成打卡' })),
    );
    expect(res.status).toBe(200);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].group).toEqual({ id: 'C03' });
    expect(sink.received[0].sender).toEqual({ id: 'U3' });
    const [, filled] = await waitFor(() => (sink.received.length === 2 ? sink.received : undefined), 'the message filled in', 5000);
    expect(filled).toMatchObject({ id: 'C03/1800000004.000200', group: { id: 'C03', name: 'sales', memberCount: 2 }, sender: { id: 'U3', name: 'Sun' } });
  });

  it('answers 400 to a signed body that is no JSON object, 401 to an unsigned one, and goes on', async () => {
    expect((await sendSigned(adapter.port!, 'null')).status).toBe(400);
    expect((await sendSigned(adapter.port!, '[]', { secret: 'not-the-secret' })).status).toBe(401);
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000004.000300', text: 'after' })));
    await waitFor(byId('C01/1800000004.000300'));
    expect(sink.received.map((m) => m.id)).toEqual(['C01/1800000004.000300']);
    expect(logs).toContain('slack: request refused with 400: the body is not a JSON object');
  });

  it('refuses a reaction without an item, and logs and acknowledges a message of no user id, and a message or reaction of a time past 2099', async () => {
    expect(
      (await sendSigned(adapter.port!, eventEnvelope({ type: 'reaction_added', user: 'U1', reaction: '+1', item: null, event_ts: '1800000005.000100' })))
        .status,
    ).toBe(400);
    const odd = [message({ ts: '1800000005.000200', user: { id: 'U1' }, text: 'x' }), message({ ts: '99999999999.000300', text: '请大家今晚十点前完成打卡' })];
    const noReactor = {
      type: 'reaction_added',
      reaction: '+1',
      item: { type: 'message', channel: 'C01', ts: '1800000005.000200' },
      event_ts: '1800000005.000400',
    };
    const farReaction = { ...noReactor, user: 'U2', event_ts: '99999999999.000500' };
    for (const event of [...odd, noReactor, farReaction]) expect((await sendSigned(adapter.port!, eventEnvelope(event))).status).toBe(200);
    expect(
      logs.filter((l) =>
        / skipped: (message event whose user is not an id|message event at ts 99999999999\.000300: time is after 2099 \(milliseconds given as seconds\?\)|reaction_added event without a user|reaction_added event at ts 99999999999\.000500: time is after 2099 \(milliseconds given as seconds\?\))$/.test(
          l,
        ),
      ),
    ).toHaveLength(4);
    expect(sink.received).toEqual([]);
  });

  it('answers at once an envelope no listener takes (app_rate_limited), rather than leaving it open', async () => {
    // Left open, the request would hang until the test's bound: Bolt's own 3 s timer answers nothing here.
    const res = await sendSigned(
      adapter.port!,
      JSON.stringify({ token: 't', type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1518467820, api_app_id: 'A1' }),
    );
    expect(res.status).toBe(200);
    expect(sink.received).toEqual([]);
  });

  it('answers "@fingertip stats" privately: ephemeral in the channel, else by DM', async () => {
    await sendSigned(adapter.port!, eventEnvelope({ type: 'app_mention', channel: 'C01', user: 'U1', ts: '1800000005.000100', text: '<@UBOT> stats' }));
    const msg = await waitFor(byId('C01/1800000005.000100'));
    expect(msg).toMatchObject({ addressed: true, text: 'stats', group: { id: 'C01' } });

    await adapter.sendPrivate(msg.sender.id, { text: 'ops: 3 demands this week' }, { groupId: msg.group!.id });
    expect(stub.callsTo('chat.postEphemeral').at(-1)?.args).toMatchObject({ channel: 'C01', user: 'U1', text: 'ops: 3 demands this week' });

    await adapter.sendPrivate('U2', { text: 'your weekly figures' });
    expect(stub.callsTo('conversations.open').at(-1)?.args).toMatchObject({ users: 'U2' });
    expect(stub.callsTo('chat.postMessage').at(-1)?.args).toMatchObject({ channel: 'DU2', text: 'your weekly figures' });
  });

  it('falls back to a DM when the ephemeral answer is refused', async () => {
    stub.replyOnce('chat.postEphemeral', { body: { ok: false, error: 'user_not_in_channel' } });
    await adapter.sendPrivate('U2', { text: 'help text' }, { groupId: 'C02' });
    expect(stub.callsTo('chat.postMessage').at(-1)?.args).toMatchObject({ channel: 'DU2', text: 'help text' });
  });

  it('marks a message that mentions the bot as addressed even when it comes as a plain message event', async () => {
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000006.000100', text: '<@UBOT> help' })));
    expect(await waitFor(byId('C01/1800000006.000100'))).toMatchObject({ addressed: true, text: 'help' });
  });

  it('hands over DMs as addressed messages without a group', async () => {
    await sendSigned(
      adapter.port!,
      eventEnvelope({ type: 'message', channel: 'D0U1', channel_type: 'im', user: 'U1', ts: '1800000007.000100', text: 'stats' }),
    );
    expect(await waitFor(byId('D0U1/1800000007.000100'))).toMatchObject({ group: null, addressed: true, text: 'stats' });
  });

  it("keeps a thread reply's parent and answers in the thread", async () => {
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000008.000200', thread_ts: '1800000008.000100', text: '收到' })));
    expect(await waitFor(byId('C01/1800000008.000200'))).toMatchObject({ replyTo: 'C01/1800000008.000100' });
    await adapter.sendToGroup('C01', { text: 'noted' }, { replyTo: 'C01/1800000008.000100' });
    expect(stub.callsTo('chat.postMessage').at(-1)?.args).toMatchObject({ channel: 'C01', thread_ts: '1800000008.000100', text: 'noted' });
  });

  it('ignores bot messages and system subtypes', async () => {
    await sendSigned(adapter.port!, eventEnvelope(message({ subtype: 'bot_message', bot_id: 'B9', ts: '1800000009.000100', text: '请大家打卡' })));
    await sendSigned(adapter.port!, eventEnvelope(message({ subtype: 'channel_join', ts: '1800000009.000200', text: '<@U2> has joined the channel' })));
    await sendSigned(adapter.port!, eventEnvelope(message({ subtype: 'message_changed', ts: '1800000009.000300', message: { text: 'edited' } })));
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000009.000400', text: 'last' })));
    await waitFor(byId('C01/1800000009.000400'));
    expect(sink.received.map((m) => m.id)).toEqual(['C01/1800000009.000400']);
  });

  it('logs an unreadable event with its id and goes on with the next', async () => {
    const garbage = await sendSigned(adapter.port!, '{"type":"event_callback", "event": ');
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: 'yesterday', text: '请大家打卡' }), 'EvBadTs'));
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000009.000900', text: 'after' })));
    await waitFor(byId('C01/1800000009.000900'));
    expect(sink.received.map((m) => m.id)).toEqual(['C01/1800000009.000900']);
    expect(logs).toContain('slack: event EvBadTs skipped: message event without a valid ts');
  });

  it('logs and acknowledges a message whose text or files are not of their types, and goes on', async () => {
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000009.001000', text: 123 }), 'EvNumText'));
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000009.001100', text: 'a', files: [null] }), 'EvNullFile'));
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000009.001200', text: 'after' })));
    await waitFor(byId('C01/1800000009.001200'));
    expect(sink.received.map((m) => m.id)).toEqual(['C01/1800000009.001200']);
    expect(logs).toContain('slack: event EvNumText skipped: message event whose text is not a string');
    expect(logs).toContain('slack: event EvNullFile skipped: message event whose files are not a list of file objects');
  });

  it('logs in one line naming the field a reaction or a slash command whose field is missing or not of its type, and goes on', async () => {
    const reaction = (fields: object) =>
      eventEnvelope(
        {
          type: 'reaction_added',
          user: 'U2',
          reaction: '+1',
          item: { type: 'message', channel: 'C01', ts: '1800000001.000100' },
          event_ts: '1800000010.000200',
          ...fields,
        },
        'EvOdd',
      );
    const form = { contentType: 'application/x-www-form-urlencoded' };
    await sendSigned(adapter.port!, reaction({ reaction: 5 }));
    await sendSigned(adapter.port!, reaction({ item: { type: 'message', channel: { id: 'C01' }, ts: '1800000001.000100' } }));
    expect((await sendSigned(adapter.port!, slashCommandForm({ text: 'stats', user_id: 'U1', trigger_id: 'trig-odd' }), form)).status).toBe(200);
    await sendSigned(adapter.port!, eventEnvelope(message({ ts: '1800000010.000300', text: 'after' })));
    await waitFor(byId('C01/1800000010.000300'));
    expect(sink.received.map((m) => m.id)).toEqual(['C01/1800000010.000300']);
    expect(logs.filter((l) => / (EvOdd|trig-odd) /.test(l))).toEqual([
      'slack: event EvOdd skipped: reaction_added event whose reaction is not an emoji name',
      'slack: event EvOdd skipped: reaction_added event without the channel of its message (item.channel)',
      'slack: event trig-odd skipped: /fingertip command without a channel_id',
    ]);
  });

  it('hands over ✅ 👍 👀 reactions as acknowledgements of the reacted message, and no others', async () => {
    const reaction = (user: string, name: string) =>
      eventEnvelope({
        type: 'reaction_added',
        user,
        reaction: name,
        item: { type: 'message', channel: 'C01', ts: '1800000001.000100' },
        item_user: 'U1',
        event_ts: '1800000010.000100',
      });
    await sendSigned(adapter.port!, reaction('U2', 'tada'));
    await sendSigned(adapter.port!, reaction('U2', '+1::skin-tone-3'));
    const ack = await waitFor(() => sink.received.find((m) => m.kind === 'reaction'));
    expect(ack).toMatchObject({ text: '+1', replyTo: 'C01/1800000001.000100', sender: { id: 'U2', name: 'Wang' }, group: { id: 'C01', memberCount: 3 } });
    await sendSigned(adapter.port!, reaction('U1', 'eyes'));
    await waitFor(() => (sink.received.length === 2 ? sink.received : undefined));
    expect(sink.received.map((m) => m.text)).toEqual(['+1', 'eyes']);
  });

  it('takes /fingertip sub-commands as addressed messages', async () => {
    const res = await sendSigned(adapter.port!, slashCommandForm({ text: 'stats', user_id: 'U1', user_name: 'li', channel_id: 'C02', channel_name: 'hr' }), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    const msg = await waitFor(() => sink.received[0]);
    expect(msg).toMatchObject({
      addressed: true,
      toBotOnly: true,
      text: 'stats',
      group: { id: 'C02', name: 'hr', memberCount: 2 },
      sender: { id: 'U1', name: 'Li' },
    });
  });

  it('tells the member privately, in their language, when a command fails after its ack', async () => {
    const release = sink.hold();
    const started = Date.now();
    const res = await sendSigned(adapter.port!, slashCommandForm({ text: '退出统计', user_id: 'U1', user_name: 'li', channel_id: 'C02', channel_name: 'hr' }), {
      contentType: 'application/x-www-form-urlencoded',
    });
    // Acknowledged before Slack's 3 s with nothing to say yet; the work goes on, then fails.
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(Date.now() - started).toBeLessThan(3000);
    const before = stub.callsTo('chat.postEphemeral').length;
    sink.failing = new Error('the database is locked');
    release();
    const told = await waitFor(() => stub.callsTo('chat.postEphemeral')[before]);
    expect(told.args).toMatchObject({
      channel: 'C02',
      user: 'U1',
      text: '没有完成，什么也没有记下，请稍后再发一次。',
    });
    expect(logs.at(-1)).toMatch(/^slack: slash command .* failed after its ack: .*the database is locked$/);
  });

  it('acknowledges a slash command once its work is done, and tells the member when it failed', async () => {
    const slash = (text: string) =>
      sendSigned(adapter.port!, slashCommandForm({ text, user_id: 'U1', user_name: 'li', channel_id: 'C02', channel_name: 'hr' }), {
        contentType: 'application/x-www-form-urlencoded',
      });
    const release = sink.hold();
    let answered = false;
    const res = slash('report the boss makes us clock in').then((r) => ((answered = true), r));
    await waitFor(() => sink.received[0]);
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBe(false);
    release();
    expect((await res).status).toBe(200);

    // Slack never sends a slash command again: a failure is said in the acknowledgement itself.
    sink.failing = new Error('the disk is full');
    const failed = await slash('report the boss makes us clock in');
    expect(failed.status).toBe(200);
    // In the command's language, and without what failed: that is for the log (counted there, in the
    // burst the test before opened).
    expect(await failed.json()).toEqual({ response_type: 'ephemeral', text: 'Not done, and nothing was recorded: please send it again later.' });
  });

  it('knows admins from users.info and from the config, and no one else', async () => {
    for (const [user, ts] of [
      ['UADMIN', '1800000011.000100'],
      ['UCFG', '1800000011.000200'],
      ['U2', '1800000011.000300'],
    ]) {
      await sendSigned(adapter.port!, eventEnvelope(message({ user, ts, text: 'reset' })));
    }
    await waitFor(() => (sink.received.length === 3 ? sink.received : undefined));
    expect(Object.fromEntries(sink.received.map((m) => [m.sender.id, m.senderIsAdmin]))).toEqual({ UADMIN: true, UCFG: true, U2: false });
    expect(await adapter.isGroupAdmin('C01', 'UADMIN')).toBe(true);
    expect(await adapter.isGroupAdmin('C01', 'U2')).toBe(false);
    expect(await adapter.groupMembers('C02')).toEqual(['U1', 'U2']);
  });

  it('retries a message refused with 429 after its Retry-After, and delivers it', async () => {
    stub.replyOnce('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    const before = stub.callsTo('chat.postMessage').length;
    await adapter.sendToGroup('C02', { text: 'weekly digest' });
    const [refused, delivered] = stub.callsTo('chat.postMessage').slice(before);
    expect(refused.status).toBe(429);
    expect(delivered).toMatchObject({ status: 200, args: { channel: 'C02', text: 'weekly digest' } });
    expect(delivered.at - refused.at).toBeGreaterThanOrEqual(1000);
    expect(logs.some((l) => l.includes('rate limited sending to C02'))).toBe(true);
  });

  // A digest as send-digests builds it: text, and the chart as a PNG titled without extension.
  const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from([0, 255, 13, 10, 26, 128])]);
  const digest = { text: 'fingertip weekly digest 2026-W48: 12 demands, 310 person-minutes', image: { png: PNG, title: 'fingertip-digest-2026-W48' } };

  it('sends a private chart as a file upload to the DM, the text as its comment', async () => {
    const before = { posts: stub.callsTo('chat.postMessage').length, uploads: stub.uploads.length };
    await adapter.sendPrivate('U2', digest);
    expect(stub.callsTo('conversations.open').at(-1)?.args).toMatchObject({ users: 'U2' });
    const asked = stub.callsTo('files.getUploadURLExternal').at(-1)!;
    expect(asked.args).toMatchObject({ filename: 'fingertip-digest-2026-W48.png', length: String(PNG.length) });
    const [upload] = stub.uploads.slice(before.uploads);
    expect(upload.bytes.equals(PNG)).toBe(true);
    const completed = stub.callsTo('files.completeUploadExternal').at(-1)!;
    expect(completed.args).toMatchObject({ channel_id: 'DU2', initial_comment: digest.text });
    expect(JSON.parse(completed.args.files)).toEqual([{ id: upload.fileId, title: 'fingertip-digest-2026-W48' }]);
    // The text went once, as the upload's comment, not as a message of its own besides.
    expect(stub.callsTo('chat.postMessage').length).toBe(before.posts);
  });

  it('sends a chart answered inside a channel by DM, as an ephemeral message cannot carry a file', async () => {
    const ephemeral = stub.callsTo('chat.postEphemeral').length;
    await adapter.sendPrivate('U1', digest, { groupId: 'C01' });
    expect(stub.callsTo('chat.postEphemeral').length).toBe(ephemeral);
    expect(stub.callsTo('files.completeUploadExternal').at(-1)?.args).toMatchObject({ channel_id: 'DU1', initial_comment: digest.text });
  });

  it("uploads a chart to a channel in the thread replied to, keeping the lane's pace after it", async () => {
    const before = stub.calls.length;
    await Promise.all([adapter.sendToGroup('C02', digest, { replyTo: 'C02/1800000012.000100' }), adapter.sendToGroup('C02', { text: 'next in the lane' })]);
    const completed = stub.callsTo('files.completeUploadExternal').at(-1)!;
    expect(completed.args).toMatchObject({ channel_id: 'C02', thread_ts: '1800000012.000100', initial_comment: digest.text });
    const calls = stub.calls.slice(before).map((c) => c.method);
    expect(calls).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal', 'chat.postMessage']);
    const post = stub.callsTo('chat.postMessage').at(-1)!;
    expect(post.args).toMatchObject({ channel: 'C02', text: 'next in the lane' });
    // sendIntervalMs is 20 in these tests; the timer may fire a millisecond early by the wall clock.
    expect(post.at - completed.at).toBeGreaterThanOrEqual(19);
  });

  it('retries a chart upload refused with 429 after its Retry-After', async () => {
    stub.replyOnce('files.getUploadURLExternal', { status: 429, headers: { 'retry-after': '1' } });
    const before = stub.callsTo('files.getUploadURLExternal').length;
    await adapter.sendPrivate('U2', digest);
    const [refused, granted] = stub.callsTo('files.getUploadURLExternal').slice(before);
    expect([refused.status, granted.status]).toEqual([429, 200]);
    expect(granted.at - refused.at).toBeGreaterThanOrEqual(1000);
    expect(stub.callsTo('files.completeUploadExternal').at(-1)?.args).toMatchObject({ channel_id: 'DU2' });
  });

  it('posts the text alone when the upload is refused, and logs why', async () => {
    stub.replyOnce('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope', needed: 'files:write' } });
    const completed = stub.callsTo('files.completeUploadExternal').length;
    await adapter.sendPrivate('U2', digest);
    expect(stub.callsTo('files.completeUploadExternal').length).toBe(completed);
    expect(stub.callsTo('chat.postMessage').at(-1)?.args).toMatchObject({ channel: 'DU2', text: digest.text });
    expect(logs.some((l) => l.includes('chart "fingertip-digest-2026-W48" not uploaded to DU2') && l.includes('missing_scope'))).toBe(true);
  });

  it('reports a delivery Slack refuses as a failure naming the channel', async () => {
    stub.replyOnce('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    await expect(adapter.sendToGroup('C99', { text: 'x' })).rejects.toThrow(/C99.*channel_not_found/);
  });
});
