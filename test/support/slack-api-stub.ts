import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small local stand-in for Slack's Web API, served on 127.0.0.1 at `url` (the adapter's
 * `apiUrl`). It answers the methods the Slack adapter calls from its fixtures and records every
 * call; `replyOnce` scripts a reply such as a 429 with Retry-After. File uploads go as Slack's
 * do: files.getUploadURLExternal hands out an upload URL on this same server, the bytes are
 * posted there (recorded in `uploads`), then files.completeUploadExternal shares the file.
 */

/** A user as users.info gives it; the fields are `unknown` so that a test can send one of the wrong type. */
export interface StubUser {
  id: string;
  name?: unknown;
  real_name?: unknown;
  tz?: unknown;
  is_admin?: unknown;
  is_owner?: unknown;
}

export interface StubChannel {
  /** `unknown` so that a test can send a name of the wrong type. */
  name: unknown;
  members: unknown[];
  /** What conversations.history returns of the channel: its top-level messages. */
  messages?: StubMessage[];
}

export interface StubMessage {
  ts: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text: string;
  files?: { mimetype?: string }[];
}

export interface RecordedCall {
  method: string;
  args: Record<string, string>;
  /** Date.now() when the call arrived. */
  at: number;
  /** The HTTP status the stub answered with; 0 for a stalled call, never answered. */
  status: number;
}

/** The bytes of a file posted to an upload URL the stub handed out. */
export interface RecordedUpload {
  fileId: string;
  bytes: Buffer;
  at: number;
}

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface SlackApiStub {
  /** Base URL of the Web API, ending in a slash. */
  url: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  uploads: RecordedUpload[];
  /** The next call to `method` gets `reply` instead of the normal answer (queued, first in first out). */
  replyOnce(method: string, reply: StubReply): void;
  /** From now on, calls to `method` are recorded and never answered (a Web API that stalls). */
  stall(method: string): void;
  users: Map<string, StubUser>;
  channels: Map<string, StubChannel>;
  close(): Promise<void>;
}

export const STUB_BOT_USER = 'UBOT';

export async function startSlackApiStub(
  fixtures: { users?: StubUser[]; channels?: Record<string, StubChannel>; pageSize?: number } = {},
): Promise<SlackApiStub> {
  const users = new Map((fixtures.users ?? []).map((u) => [u.id, u]));
  const channels = new Map(Object.entries(fixtures.channels ?? {}));
  const pageSize = fixtures.pageSize ?? 1000;
  const calls: RecordedCall[] = [];
  const uploads: RecordedUpload[] = [];
  let origin = '';
  let fileCounter = 0;
  const scripted = new Map<string, StubReply[]>();
  const stalled = new Set<string>();
  let tsCounter = 0;

  const answer = (method: string, args: Record<string, string>): unknown => {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: STUB_BOT_USER, bot_id: 'BBOT', team_id: 'T1', user: 'fingertip' };
      case 'users.info': {
        const user = users.get(args.user);
        return user ? { ok: true, user: { ...user, profile: { display_name: user.name ?? '' } } } : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.info': {
        const channel = channels.get(args.channel);
        return channel ? { ok: true, channel: { id: args.channel, name: channel.name } } : { ok: false, error: 'channel_not_found' };
      }
      case 'conversations.members': {
        const channel = channels.get(args.channel);
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const from = Number(args.cursor || 0);
        const size = Math.min(pageSize, Number(args.limit || 100));
        const next = from + size < channel.members.length ? String(from + size) : '';
        return { ok: true, members: channel.members.slice(from, from + size), response_metadata: { next_cursor: next } };
      }
      case 'conversations.history': {
        // Messages with latest >= ts >= oldest (both inclusive here, as the adapter asks), newest first.
        const channel = channels.get(args.channel);
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const within = (channel.messages ?? []).filter((m) => Number(m.ts) <= Number(args.latest ?? Infinity) && Number(m.ts) >= Number(args.oldest ?? 0));
        return { ok: true, messages: within.reverse().slice(0, Number(args.limit || 100)), has_more: false };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${args.users}` } };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `1800000000.${String(++tsCounter).padStart(6, '0')}` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1800000000.${String(++tsCounter).padStart(6, '0')}` };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++fileCounter}`;
        return { ok: true, file_id: fileId, upload_url: `${origin}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal': {
        const files = JSON.parse(args.files ?? '[]') as { id: string; title?: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  /** The upload URL's request: a multipart form whose one file part holds the bytes. */
  const receiveUpload = async (fileId: string, body: Buffer, contentType: string, res: ServerResponse) => {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    const file = [...form.values()].find((v) => typeof v !== 'string') as Blob | undefined;
    const bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    uploads.push({ fileId, bytes, at: Date.now() });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upload = /^\/upload\/(\w+)$/.exec(req.url ?? '');
    if (upload) return receiveUpload(upload[1], Buffer.concat(chunks), req.headers['content-type'] ?? '', res);
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const raw = Buffer.concat(chunks).toString('utf8');
    const args = (req.headers['content-type'] ?? '').includes('json')
      ? (JSON.parse(raw || '{}') as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(raw));
    if (stalled.has(method)) {
      calls.push({ method, args, at: Date.now(), status: 0 });
      return;
    }
    const reply = scripted.get(method)?.shift() ?? { body: answer(method, args) };
    const status = reply.status ?? 200;
    calls.push({ method, args, at: Date.now(), status });
    res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { ok: false, error: 'ratelimited' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/api/`,
    calls,
    uploads,
    callsTo: (method) => calls.filter((c) => c.method === method),
    replyOnce(method, reply) {
      scripted.set(method, [...(scripted.get(method) ?? []), reply]);
    },
    stall(method) {
      stalled.add(method);
    },
    users,
    channels,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
