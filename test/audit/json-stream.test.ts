import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { type JsonEvent, JsonStructureError, streamJson } from '../../src/audit/json-stream.js';

/** The document fed in pieces of `size` bytes, so every boundary case (inside strings, escapes, UTF-8) is met. */
async function events(doc: string, size: number, keys = ['messages']): Promise<JsonEvent[]> {
  const bytes = Buffer.from(doc, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: JsonEvent[] = [];
  for await (const ev of streamJson(Readable.from(chunks), new Set(keys))) out.push(ev);
  return out;
}

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

  it('names where a broken structure stops it', async () => {
    const cases: [string, string, RegExp][] = [
      ['{"messages":[{"a":1},{"a":', 'messages[1]', /truncated/],
      ['{"meta":{"x":1}', '"meta"', /truncated/],
      ['[1,2]', 'the start', /expected a JSON object/],
      ['{"messages":[1 2]}', 'messages[1]', /expected "," or "]"/],
      ['{"a":1} x', '"a"', /after the end/],
    ];
    for (const [doc, where, reason] of cases) {
      const err = await events(doc, 3).catch((e: unknown) => e);
      expect(err, doc).toBeInstanceOf(JsonStructureError);
      expect((err as JsonStructureError).where, doc).toBe(where);
      expect((err as Error).message, doc).toMatch(reason);
    }
  });

  it('skips an element larger than 1 MiB without holding it', async () => {
    const big = 'x'.repeat((1 << 20) + 10);
    const evs = await events(`{"messages":[{"t":"${big}"},{"t":"ok"}]}`, 1 << 16);
    expect(evs).toEqual([{ kind: 'bad-item', key: 'messages', index: 0, reason: 'entry larger than 1 MiB' }, { kind: 'item', key: 'messages', index: 1, value: { t: 'ok' } }]);
  });
});
