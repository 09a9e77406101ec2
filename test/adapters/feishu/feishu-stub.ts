import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame } from './ws-frame.js';

/**
 * A local stand-in for the Feishu open API on 127.0.0.1 (the adapter's apiUrl, the SDK's domain):
 * tenant token, bot info, chat info and members, message reply, create and get, and the long
 * connection (its endpoint, then the WebSocket that pushes events and takes the client's answers).
 * It records each call and each answer.
 */

/** The client's answer to a pushed event: HTTP-like code 200 when handled, 500 when its handler failed. */
export interface EventAnswer {
  /** The long connection's message id of the event answered. */
  messageId: string;
  code: number;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  body: Record<string, unknown>;
}

/** A chat as the IM API gives it; `unknown` so that a test can send a field of the wrong type. */
export interface StubChat {
  name: unknown;
  owner: unknown;
  members: unknown[];
}

export interface StubReply {
  status?: number;
  body: unknown;
}

export interface FeishuStub {
  url: string;
  calls: RecordedCall[];
  callsTo(method: string, path: string): RecordedCall[];
  /** The next call to `method path` gets `reply` (queued, first in first out). */
  replyOnce(method: string, path: string, reply: StubReply): void;
  /** From now on, calls to `method path` are recorded and never answered (an open API that stalls). */
  stall(method: string, path: string): void;
  /** What im.message.get answers, by message id: the items of its data, as Feishu gives them. */
  messages: Map<string, Record<string, unknown>>;
  /** Pushes an event down the open long connection, under the connection's message id `messageId`. */
  pushEvent(messageId: string, event: unknown): void;
  answers: EventAnswer[];
  /** Called as each answer arrives, before it is recorded. */
  onAnswer?: (answer: EventAnswer) => void;
  close(): Promise<void>;
}

const SERVICE_ID = 7;

export const BOT_OPEN_ID = 'ou_bot';

export async function startFeishuStub(chats: Record<string, StubChat>, pageSize = 100): Promise<FeishuStub> {
  const calls: RecordedCall[] = [];
  const scripted = new Map<string, StubReply[]>();
  const stalled = new Set<string>();
  let messageCounter = 0;
  const messages = new Map<string, Record<string, unknown>>();

  const answer = (method: string, path: string, query: Record<string, string>, authorization?: string): StubReply => {
    if (path === '/callback/ws/endpoint') {
      const URL = `${url.replace(/^http/, 'ws')}/ws?device_id=device-1&service_id=${SERVICE_ID}`;
      return { body: { code: 0, data: { URL, ClientConfig: { PingInterval: 120, ReconnectCount: 0, ReconnectInterval: 1, ReconnectNonce: 0 } } } };
    }
    if (path === '/open-apis/auth/v3/tenant_access_token/internal') return { body: { code: 0, msg: 'ok', tenant_access_token: 't-stub', expire: 7200 } };
    if (authorization !== 'Bearer t-stub') return { status: 400, body: { code: 99991661, msg: 'Missing access token for authorization.' } };
    if (path === '/open-apis/bot/v3/info') return { body: { code: 0, msg: 'ok', bot: { open_id: BOT_OPEN_ID, app_name: 'fingertip' } } };
    const chat = /^\/open-apis\/im\/v1\/chats\/([^/]+)(\/members)?$/.exec(path);
    if (chat && method === 'GET') {
      const c = chats[decodeURIComponent(chat[1])];
      if (!c) return { status: 400, body: { code: 232011, msg: 'the bot is not in the chat' } };
      if (!chat[2])
        return { body: { code: 0, msg: 'ok', data: { name: c.name, owner_id: c.owner, owner_id_type: 'open_id', user_count: String(c.members.length) } } };
      const from = Number(query.page_token || 0);
      const to = from + Math.min(pageSize, Number(query.page_size || 20));
      const items = c.members.slice(from, to).map((id) => ({ member_id: id, member_id_type: 'open_id', name: id }));
      return { body: { code: 0, msg: 'ok', data: { items, has_more: to < c.members.length, page_token: String(to), member_total: c.members.length } } };
    }
    const read = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (read && method === 'GET') {
      const item = messages.get(decodeURIComponent(read[1]));
      return item ? { body: { code: 0, msg: 'ok', data: { items: [item] } } } : { status: 400, body: { code: 230001, msg: 'message not found' } };
    }
    if (method === 'POST' && (/^\/open-apis\/im\/v1\/messages\/[^/]+\/reply$/.test(path) || path === '/open-apis/im/v1/messages')) {
      return { body: { code: 0, msg: 'ok', data: { message_id: `om_sent_${++messageCounter}` } } };
    }
    return { status: 404, body: { code: 404, msg: `no ${method} ${path} in the stub` } };
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    calls.push({ method, path: url.pathname, query, authorization: req.headers.authorization, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
    if (stalled.has(`${method} ${url.pathname}`)) return;
    const reply = scripted.get(`${method} ${url.pathname}`)?.shift() ?? answer(method, url.pathname, query, req.headers.authorization);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  const answers: EventAnswer[] = [];
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket: WebSocket) => {
    sockets.add(socket);
    socket.on('message', (data: Buffer) => {
      const frame = decodeFrame(data);
      if (frame.method !== 1) return; // pings
      const answer = { messageId: frame.headers.message_id, code: (JSON.parse(frame.payload.toString('utf8')) as { code: number }).code };
      stub.onAnswer?.(answer);
      answers.push(answer);
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stub: FeishuStub = {
    url,
    answers,
    messages,
    pushEvent(messageId, event) {
      const headers = { type: 'event', message_id: messageId, sum: '1', seq: '0', trace_id: `trace-${messageId}` };
      const frame = encodeFrame({ seqId: 0, logId: 0, service: SERVICE_ID, method: 1, headers, payload: Buffer.from(JSON.stringify(event)) });
      for (const socket of sockets) socket.send(frame);
    },
    calls,
    callsTo: (method, path) => calls.filter((c) => c.method === method && c.path === path),
    replyOnce(method, path, reply) {
      const key = `${method} ${path}`;
      scripted.set(key, [...(scripted.get(key) ?? []), reply]);
    },
    stall(method, path) {
      stalled.add(`${method} ${path}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return stub;
}

/** An im.message.receive_v1 event as the long connection delivers it (schema 2.0). */
export function receiveEvent(eventId: string, message: Record<string, unknown>, sender = 'ou_li'): Record<string, unknown> {
  return {
    schema: '2.0',
    header: {
      event_id: eventId,
      event_type: 'im.message.receive_v1',
      create_time: '1800000000000',
      token: '',
      app_id: 'cli_0123456789abcdef',
      tenant_key: 'tk',
    },
    event: {
      sender: { sender_id: { open_id: sender, union_id: 'on_x', user_id: 'u_x' }, sender_type: 'user', tenant_key: 'tk' },
      message: { chat_id: 'oc_ops', chat_type: 'group', create_time: '1800000000000', message_type: 'text', ...message },
    },
  };
}
