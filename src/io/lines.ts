import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError } from '../util/errors.js';

/** Opens FILE, or standard input for "-" or no file, naming it for error messages. */
export function openInput(file: string | undefined, stdin: Readable): { stream: Readable; name: string } {
  if (file === undefined || file === '-') return { stream: stdin, name: '<stdin>' };
  const stream = createReadStream(file);
  return { stream, name: file };
}

/** The lines of a stream with their 1-based numbers, read as a stream; a read error names the input. */
export async function* numberedLines(stream: Readable, name: string): AsyncGenerator<[number, string]> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) yield [++n, line];
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${name}: cannot read (${code ?? (err as Error).message})`);
  }
}
