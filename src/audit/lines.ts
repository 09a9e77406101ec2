import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** One line of a text stream; `no` counts from 1. `tooLong` lines are cut: their text is not kept. */
export interface Line {
  no: number;
  text: string;
  tooLong: boolean;
}

/** Longer lines are reported as broken instead of being held in memory: no chat message is this long. */
export const MAX_LINE = 1 << 20;

/**
 * The lines of a UTF-8 byte stream (LF or CRLF), streamed so memory stays flat whatever the size.
 * A leading byte-order mark is dropped. `onBytes` hears of every chunk read, for progress.
 */
export async function* readLines(input: Readable, onBytes: (n: number) => void = () => {}, maxLine = MAX_LINE): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let skipping = false; // inside a line already known to be too long
  let no = 0;
  let first = true;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    onBytes(chunk.length);
    let text = decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      no++;
      if (skipping) {
        yield { no, text: '', tooLong: true };
        skipping = false;
      } else {
        const line = pending + text.slice(start, nl);
        pending = '';
        if (line.length > maxLine) yield { no, text: '', tooLong: true };
        else yield { no, text: line.endsWith('\r') ? line.slice(0, -1) : line, tooLong: false };
      }
      start = nl + 1;
    }
    if (!skipping) {
      pending += text.slice(start);
      if (pending.length > maxLine) {
        pending = '';
        skipping = true;
      }
    }
  }
  const rest = pending + decoder.end();
  if (skipping) yield { no: no + 1, text: '', tooLong: true };
  else if (rest.length > 0) yield { no: no + 1, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, tooLong: false };
}
