import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for DingTalk on 127.0.0.1: the stream gateway (connections/open, then the
 * WebSocket the SDK connects to), the access token, the robot send API and session webhooks.
 * It records every HTTP call and every frame the client sends back (the acks).
 */

export interface RecordedCall {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export interface StubReply {
  status?: number;
  body: unknown;
}

export interface StubAck {
  headers: { messageId?: string };
  data: string;
}

export interface DingtalkStub {
  /** The adapter's apiUrl. */
  url: string;
  calls: RecordedCall[];
  callsTo(path: string): RecordedCall[];
  /** Frames the client sent on the socket, parsed. */
  acks: StubAck[];
  /** Called as each ack arrives, before it is recorded. */
  onAck?: (ack: StubAck) => void;
  /** The next call to `path` gets `reply` (queued, first in first out). */
  replyOnce(path: string, reply: StubReply): void;
  /** Sends a frame down the open socket, as DingTalk pushes a callback. */
  push(frame: unknown): void;
  /** A session webhook URL of this stub. */
  webhook(name: string): string;
  close(): Promise<void>;
}

export async function startDingtalkStub(): Promise<DingtalkStub> {
  const calls: RecordedCall[] = [];
  const acks: StubAck[] = [];
  const scripted = new Map<string, StubReply[]>();
  const sockets = new Set<WebSocket>();
  let base = '';

  const answer = (path: string): StubReply => {
    if (path === '/v1.0/gateway/connections/open') return { body: { endpoint: `${base.replace(/^http/, 'ws')}/connect`, ticket: 'ticket 1' } };
    if (path === '/v1.0/oauth2/accessToken') return { body: { accessToken: 'token-1', expireIn: 7200 } };
    if (path === '/v1.0/robot/groupMessages/send' || path === '/v1.0/robot/oToMessages/batchSend') return { body: { processQueryKey: 'q1' } };
    if (path.startsWith('/session/')) return { body: { errcode: 0, errmsg: 'ok' } };
    return { status: 404, body: { code: 'NotFound' } };
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    calls.push({ path, headers: req.headers, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
    const reply = scripted.get(path)?.shift() ?? answer(path);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  const wss = new WebSocketServer({ server, path: '/connect' });
  wss.on('connection', (socket: WebSocket) => {
    sockets.add(socket);
    socket.on('message', (data: Buffer) => {
      const ack = JSON.parse(data.toString('utf8')) as StubAck;
      stub.onAck?.(ack);
      acks.push(ack);
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stub: DingtalkStub = {
    url: base,
    calls,
    callsTo: (path) => calls.filter((c) => c.path === path),
    acks,
    replyOnce(path, reply) {
      scripted.set(path, [...(scripted.get(path) ?? []), reply]);
    },
    push(frame) {
      for (const socket of sockets) socket.send(JSON.stringify(frame));
    },
    webhook: (name) => `${base}/session/${name}`,
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

/** A robot-topic callback frame as DingTalk pushes it, the message JSON-encoded in `data`. */
export function robotFrame(frameId: string, message: Record<string, unknown>): unknown {
  return {
    specVersion: '1.0',
    type: 'CALLBACK',
    headers: {
      appId: 'app-1',
      connectionId: 'conn-1',
      contentType: 'application/json',
      messageId: frameId,
      time: '1800000000000',
      topic: '/v1.0/im/bot/messages/get',
    },
    data: JSON.stringify(message),
  };
}
