import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import type { ChatMessage } from '../../../src/bot/chat-message.js';
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
    { log: () => {}, sendIntervalMs: 0 },
  );
  await adapter.start(async (msg) => {
    received.push(msg);
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
    const payload = JSON.parse(eventEnvelope({ type: 'message', channel: 'C01', channel_type: 'channel', user: 'U1', ts: '1800000100.000100', text: '<!here> 请今天下班前填好表格' }, 'EvSock'));
    socket.send(JSON.stringify({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload }));
    socket.send(JSON.stringify({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload }));
    await waitFor(() => (received.length === 2 ? received : undefined));
    expect(acks).toEqual(['env-1', 'env-2']);
    expect(received[0]).toMatchObject({ id: 'C01/1800000100.000100', eventId: 'EvSock', mentionsAll: true, group: { id: 'C01', name: 'ops', memberCount: 3 } });
    expect(received[1]).toMatchObject({ id: 'C01/1800000100.000100', eventId: 'EvSock' });
  });
});
