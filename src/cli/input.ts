import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from '../core/errors.js';
import { readLines, type Line } from '../core/read-lines.js';

/** Opens FILE, or standard input for "-" or no file, naming it for error messages. */
export function openInput(file: string | undefined, stdin: Readable): { stream: Readable; name: string } {
  if (file === undefined || file === '-') return { stream: stdin, name: '<stdin>' };
  const stream = createReadStream(file);
  return { stream, name: file };
}

/** The lines of an input opened by openInput (see readLines); a read error names the input. */
export async function* inputLines(stream: Readable, name: string): AsyncGenerator<Line> {
  try {
    yield* readLines(stream);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${name}: cannot read (${code ?? (err as Error).message})`);
  }
}
