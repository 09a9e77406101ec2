import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { type JsonEvent, JsonStructureError, streamJson, streamJsonList } from '../../src/audit/json-stream.js';

/** The document in pieces of `size` bytes, so every boundary case (inside strings, escapes, UTF-8) is met. */
function pieces(doc: string, size: number): Readable {
  const bytes = Buffer.from(doc, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function collect(stream: AsyncIterable<JsonEvent>): Promise<JsonEvent[]> {
  const out: JsonEvent[] = [];
  for await (const ev of stream) out.push(ev);
  return out;
}

const events = (doc: string, size: number, keys = ['messages']): Promise<JsonEvent[]> => collect(streamJson(pieces(doc, size), new Set(keys)));
const listEvents = (doc: string, size: number): Promise<JsonEvent[]> => collect(streamJsonList(pieces(doc, size)));

const DOC = {
  chatlab: { version: '0.0.2', note: 'braces } ] in "strings" \\ too' },
  messages: [{ a: [1, { b: '[]{}' }], c: '引号\\"里' }, 42, 'text', null, true, [], {}],
  meta: { name: '群' },
};

describe('streamJson', () => {
  it('yields whole top-level values and the elements of streamed arrays, however the bytes are cut', async () => {
    const text = JSON.stringify(DOC, null, 1);
    const expected: JsonEvent[] = [
      { kind: 'value', key: 'chatlab', value: DOC.chatlab },
      ...DOC.messages.map((value, index): JsonEvent => ({ kind: 'item', key: 'messages', index, value })),
      { kind: 'value', key: 'meta', value: DOC.meta },
    ];
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) expect(await events(text, size)).toEqual(expected);
    expect(await events(JSON.stringify(DOC), 5)).toEqual(expected);
  });

  it('reports an element that is not valid JSON and reads on', async () => {
    const evs = await events('{"messages":[{"a":1},{"a":tru},{"a":3,}, {"a":4}]}', 4);
    expect(evs).toEqual([
      { kind: 'item', key: 'messages', index: 0, value: { a: 1 } },
      expect.objectContaining({ kind: 'bad-item', index: 1 }),
      expect.objectContaining({ kind: 'bad-item', index: 2 }),
      { kind: 'item', key: 'messages', index: 3, value: { a: 4 } },
    ]);
  });

  it('names where a broken structure stops it, in an object or a list', async () => {
    const cases: [typeof events, string, string, RegExp][] = [
      [events, '{"messages":[{"a":1},{"a":', 'messages[1]', /truncated/],
      [events, '{"meta":{"x":1}', '"meta"', /truncated/],
      [events, '[1,2]', 'the start', /expected a JSON object/],
      [events, '{"messages":[1 2]}', 'messages[1]', /expected "," or "]"/],
      [events, '{"a":1} x', '"a"', /after the end/],
      [listEvents, '{"a":1}', 'the start', /expected a JSON list/],
      [listEvents, '[{"a":1},{"a":', '[1]', /truncated/],
      [listEvents, '[1 2]', '[1]', /expected "," or "]"/],
      [listEvents, '[1,2] x', '[2]', /after the end/],
    ];
    for (const [read, doc, where, reason] of cases) {
      const err = await read(doc, 3).catch((e: unknown) => e);
      expect(err, doc).toBeInstanceOf(JsonStructureError);
      expect((err as JsonStructureError).where, doc).toBe(where);
      expect((err as Error).message, doc).toMatch(reason);
    }
  });

  it('skips an element larger than 1 MiB without holding it', async () => {
    const big = 'x'.repeat((1 << 20) + 10);
    const evs = await events(`{"messages":[{"t":"${big}"},{"t":"ok"}]}`, 1 << 16);
    expect(evs).toEqual([
      { kind: 'bad-item', key: 'messages', index: 0, reason: 'entry larger than 1 MiB' },
      { kind: 'item', key: 'messages', index: 1, value: { t: 'ok' } },
    ]);
  });

  it('refuses a document whose bytes are not UTF-8 (an export saved as GBK)', async () => {
    const gbk = Buffer.from('7b226d65737361676573223a5b7b2274223a22c7ebb4f3bcd2b4f2bfa8227d5d7d', 'hex'); // {"messages":[{"t":"请大家打卡"}]}
    const err = await collect(streamJson(Readable.from([gbk]), new Set(['messages']))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JsonStructureError);
    expect((err as Error).message).toMatch(/^not UTF-8 text/);
  });

  it('refuses a top-level value past 64 MiB while reading it, not after holding it all', async () => {
    const MiB = Buffer.alloc(1 << 20, 'x');
    let read = 0;
    async function* doc(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"junk":"');
      // Would go on for a gigabyte: the reader stops soon after the bound.
      for (let i = 0; i < 1024; i++, read++) yield MiB;
    }
    const err = await collect(streamJson(doc(), new Set(['messages']))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JsonStructureError);
    expect([(err as JsonStructureError).where, (err as Error).message]).toEqual(['"junk"', 'a top-level value larger than 64 MiB']);
    expect(read).toBeLessThan(70);
  });

  it('streams the elements of a top-level list (a Slack day file), however the bytes are cut', async () => {
    const text = '\uFEFF' + JSON.stringify(DOC.messages, null, 4);
    const expected = DOC.messages.map((value, index): JsonEvent => ({ kind: 'item', key: '', index, value }));
    for (const size of [1, 3, 64]) expect(await listEvents(text, size)).toEqual(expected);
    expect(await listEvents(' [ ] ', 1)).toEqual([]);
    expect(await listEvents('[1,tru,3]', 2)).toEqual([
      { kind: 'item', key: '', index: 0, value: 1 },
      expect.objectContaining({ kind: 'bad-item', index: 1 }),
      { kind: 'item', key: '', index: 2, value: 3 },
    ]);
  });
});
