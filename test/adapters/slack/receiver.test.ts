import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import type { ChatMessage } from '../../../src/core/chat-message.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { eventEnvelope } from './signed-request.js';
import { waitFor } from '../../support/wait-for.js';

// Socket Mode for real: apps.connections.open on the Web API stub hands out a loopback WebSocket,
// whose server plays Slack: hello, then Events API envelopes, expecting an ack for each.

let stub: SlackApiStub;
let wss: WebSocketServer;
let socket: WebSocket;
let adapter: SlackAdapter;
const received: ChatMessage[] = [];
const acks: string[] = [];
const logs: string[] = [];
/** What the bot does with a message after it was recorded in `received`. */
let handle: (msg: ChatMessage) => Promise<void> = async () => {};

beforeAll(async () => {
  stub = await startSlackApiStub({ users: [{ id: 'U1', name: 'Li' }], channels: { C01: { name: 'ops', members: ['U1', 'U2', 'U3'] } } });
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => acks.push((JSON.parse(String(data)) as { envelope_id: string }).envelope_id));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
  });
  const { port } = wss.address() as { port: number };
  stub.replyOnce('apps.connections.open', { body: { ok: true, url: `ws://127.0.0.1:${port}/link` } });
  adapter = createSlackAdapter(
    { token: 'xoxb-test', appToken: 'xapp-test', port: 0, apiUrl: stub.url, admins: [] },
    { log: (line) => logs.push(line), sendIntervalMs: 0 },
  );
  await adapter.start(async (msg) => {
    received.push(msg);
    await handle(msg);
  });
});

afterAll(async () => {
  await adapter?.stop();
  await new Promise((r) => wss?.close(r));
  await stub?.close();
});

describe('Slack adapter in Socket Mode', () => {
  it('connects through apps.connections.open at apiUrl with the app token, not over HTTP', () => {
    expect(stub.callsTo('apps.connections.open')).toHaveLength(1);
    expect(adapter.port).toBeUndefined();
  });

  it('acks each envelope and hands its message over, redeliveries with the same eventId', async () => {
    const payload = JSON.parse(
      eventEnvelope(
        { type: 'message', channel: 'C01', channel_type: 'channel', user: 'U1', ts: '1800000100.000100', text: '<!here> 请今天下班前填好表格' },
        'EvSock',
      ),
    );
    socket.send(JSON.stringify({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload }));
    socket.send(
      JSON.stringify({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload }),
    );
    await waitFor(() => (acks.length === 2 ? acks : undefined), 'the acks');
    expect(acks.sort()).toEqual(['env-1', 'env-2']);
    expect(received[0]).toMatchObject({ id: 'C01/1800000100.000100', eventId: 'EvSock', mentionsAll: true, group: { id: 'C01', name: 'ops', memberCount: 3 } });
    expect(received[1]).toMatchObject({ id: 'C01/1800000100.000100', eventId: 'EvSock' });
  });

  const envelope = (id: string, ts: string, text = 'ok') => ({
    envelope_id: id,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: JSON.parse(eventEnvelope({ type: 'message', channel: 'C01', channel_type: 'channel', user: 'U1', ts, text })),
  });

  it('acks an envelope only once the bot is done with its message', async () => {
    let release!: () => void;
    handle = () => new Promise<void>((resolve) => (release = resolve));
    socket.send(JSON.stringify(envelope('env-held', '1800000101.000100')));
    await waitFor(() => received.find((m) => m.id === 'C01/1800000101.000100'));
    await new Promise((r) => setTimeout(r, 200));
    expect(acks).not.toContain('env-held');
    release();
    await waitFor(() => acks.includes('env-held'), 'the ack');
    handle = async () => {};
  });

  it('leaves an envelope unacknowledged when the bot fails, for Slack to deliver it again', async () => {
    handle = async () => {
      throw new Error('/data/fingertip.db: the disk is full; nothing more can be stored until space is freed');
    };
    socket.send(JSON.stringify(envelope('env-failed', '1800000102.000100')));
    await waitFor(() => logs.find((l) => l.includes('C01/1800000102.000100')), 'the failure logged');
    handle = async () => {};
    socket.send(JSON.stringify(envelope('env-after', '1800000102.000200')));
    await waitFor(() => acks.includes('env-after'), 'the next ack');
    expect(acks).not.toContain('env-failed');
    const failed = logs.filter((l) => l.includes('C01/1800000102.000100'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(
      /^slack: message C01\/1800000102\.000100 \(event Ev\d+\) failed: \/data\/fingertip\.db: the disk is full; nothing more can be stored until space is freed; not acknowledged, for Slack to deliver it again$/,
    );
  });

  // (An envelope whose event is null never reaches Bolt: @slack/socket-mode reads its type first.)
  it('acks and drops an envelope whose event is no object, in one line', async () => {
    const bad = envelope('env-null', '1800000103.000100');
    bad.payload.event = 'message';
    logs.length = 0;
    socket.send(JSON.stringify(bad));
    await waitFor(() => acks.includes('env-null'), 'the ack');
    expect(logs).toEqual([`slack: envelope dropped: event_callback ${bad.payload.event_id} without an event object`]);
    expect(received.some((m) => m.id === 'C01/1800000103.000100')).toBe(false);
  });
});
