import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

/** One line of a text stream; `no` counts from 1. `tooLong` lines are cut: their text is not kept. */
export interface Line {
  no: number;
  text: string;
  tooLong: boolean;
  /** The line's bytes are not UTF-8 (an export saved as GBK): its text holds U+FFFD where they broke. */
  notUtf8?: true;
}

/** Decoded text holds U+FFFD for every broken sequence; only then are the bytes checked, so valid lines cost nothing more. */
function line(no: number, buf: Buffer, start: number, end: number, text: string): Line {
  if (text.includes('\uFFFD') && !isUtf8(buf.subarray(start, end))) return { no, text, tooLong: false, notUtf8: true };
  return { no, text, tooLong: false };
}

/** Why a line whose bytes are not UTF-8 cannot be read: said where the line is. */
export const NOT_UTF8 = 'not UTF-8 text (an export saved in another encoding, such as GBK: save it as UTF-8)';

/** Longer lines are reported as broken instead of being held in memory: no chat message is this long. */
export const MAX_LINE = 1 << 20;

/** Why a line over MAX_LINE is not read: said where the line is. */
export const TOO_LONG = 'line longer than 1 MiB';

const LF = 0x0a;
const CR = 0x0d;

/**
 * The lines of a UTF-8 byte stream (LF or CRLF), streamed so memory stays flat whatever the size.
 * Lines are found in the bytes and each is decoded once into a flat string, which JSON.parse reads
 * fastest. A leading byte-order mark is dropped. `onBytes` hears of every chunk read, for progress.
 * Once `stop` is aborted no line is given, and the input is destroyed: a pipe left open would
 * otherwise hold the reader for ever.
 */
export async function* readLines(input: Readable, onBytes: (n: number) => void = () => {}, maxLine = MAX_LINE, stop?: AbortSignal): AsyncGenerator<Line> {
  if (stop?.aborted) return;
  const letGo = () => input.destroy();
  stop?.addEventListener('abort', letGo);
  try {
    yield* splitLines(input, onBytes, maxLine, stop);
  } catch (err) {
    // The destroyed input's premature close is how the stop ends a read.
    if (!stop?.aborted) throw err;
  } finally {
    stop?.removeEventListener('abort', letGo);
  }
}

/** readLines' work, on the bytes as they come; it gives nothing once `stop` is aborted. */
async function* splitLines(input: Readable, onBytes: (n: number) => void, maxLine: number, stop: AbortSignal | undefined): AsyncGenerator<Line> {
  let pending: Buffer | null = null; // the start of a line begun in an earlier chunk
  let skipping = false; // inside a line already known to be too long
  let no = 0;
  let first = true;
  const decode = (buf: Buffer, start: number, end: number): string => {
    if (end > start && buf[end - 1] === CR) end--;
    return buf.toString('utf8', start, end);
  };
  // The CR of a CRLF ending is not part of the line: a line of exactly maxLine bytes is kept either way.
  const tooLong = (buf: Buffer, start: number, end: number): boolean => end - start - (end > start && buf[end - 1] === CR ? 1 : 0) > maxLine;
  for await (let chunk of input as AsyncIterable<Buffer>) {
    onBytes(chunk.length);
    if (first && chunk.length > 0) {
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      first = false;
    }
    let start = 0;
    for (let nl = chunk.indexOf(LF); nl !== -1; nl = chunk.indexOf(LF, start)) {
      if (stop?.aborted) return;
      no++;
      if (skipping) {
        skipping = false;
        yield { no, text: '', tooLong: true };
      } else if (pending) {
        const whole: Buffer = Buffer.concat([pending, chunk.subarray(start, nl)]);
        pending = null;
        yield tooLong(whole, 0, whole.length) ? { no, text: '', tooLong: true } : line(no, whole, 0, whole.length, decode(whole, 0, whole.length));
      } else {
        yield tooLong(chunk, start, nl) ? { no, text: '', tooLong: true } : line(no, chunk, start, nl, decode(chunk, start, nl));
      }
      start = nl + 1;
    }
    if (!skipping && start < chunk.length) {
      // Copied: the stream may reuse its buffer.
      pending = pending ? Buffer.concat([pending, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
      if (pending.length > maxLine + 1) {
        pending = null;
        skipping = true;
      }
    }
  }
  if (stop?.aborted) return;
  if (skipping) yield { no: no + 1, text: '', tooLong: true };
  else if (pending && pending.length > 0) yield line(no + 1, pending, 0, pending.length, decode(pending, 0, pending.length));
}
