import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { type Line, readLines } from '../../src/core/read-lines.js';
import { waitFor } from '../support/wait-for.js';

async function lines(chunks: (string | Buffer)[], max?: number): Promise<Line[]> {
  const out: Line[] = [];
  for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), () => {}, max)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits LF and CRLF, drops a BOM, keeps a last line without newline', async () => {
    expect(await lines(['\uFEFFa\r\nb\n', '\nc'])).toEqual([
      { no: 1, text: 'a', tooLong: false },
      { no: 2, text: 'b', tooLong: false },
      { no: 3, text: '', tooLong: false },
      { no: 4, text: 'c', tooLong: false },
    ]);
  });

  it('marks a line whose bytes are not UTF-8, and not one that holds U+FFFD itself', async () => {
    const lines: Line[] = [];
    for await (const l of readLines(Readable.from([Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xc7, 0xeb, 0x0a]), Buffer.from('a \uFFFD b\n')])])))
      lines.push(l);
    expect(lines.map((l) => [l.no, l.notUtf8 ?? false])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });

  it('joins a UTF-8 character cut between chunks', async () => {
    const bytes = Buffer.from('收到\n');
    expect((await lines([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)]))[0].text).toBe('收到');
  });

  it('marks lines over the limit without keeping them, and goes on counting', async () => {
    expect(await lines(['ab', 'cdef', 'gh\nok\n', 'x'.repeat(20)], 5)).toEqual([
      { no: 1, text: '', tooLong: true },
      { no: 2, text: 'ok', tooLong: false },
      { no: 3, text: '', tooLong: true },
    ]);
  });

  it('does not count the CR of a CRLF ending against the limit, in one chunk or across chunks', async () => {
    expect(await lines(['abcde\r\nabcdef\r\n'], 5)).toEqual([
      { no: 1, text: 'abcde', tooLong: false },
      { no: 2, text: '', tooLong: true },
    ]);
    expect(await lines(['abc', 'de\r', '\nab', 'cdef\r', '\n'], 5)).toEqual([
      { no: 1, text: 'abcde', tooLong: false },
      { no: 2, text: '', tooLong: true },
    ]);
  });

  it('gives no line once stopped, not even one of a chunk already read', async () => {
    const input = Readable.from([Buffer.from('a\nb\nc\n')]);
    const stop = new AbortController();
    const got: string[] = [];
    for await (const l of readLines(input, () => {}, undefined, stop.signal)) {
      got.push(l.text);
      stop.abort();
    }
    expect(got).toEqual(['a']);
  });

  it('ends a read waiting on an input left open when stopped, letting go of the input', async () => {
    const input = new PassThrough();
    const stop = new AbortController();
    const got: string[] = [];
    input.write('a\n');
    const reading = (async () => {
      for await (const l of readLines(input, () => {}, undefined, stop.signal)) got.push(l.text);
    })();
    await waitFor(() => got.length === 1, 'the first line');
    stop.abort();
    // Hangs, until the test times out, if the open input still holds the read.
    await reading;
    expect(got).toEqual(['a']);
    expect(input.destroyed).toBe(true);
  });
});
