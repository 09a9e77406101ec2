import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError } from '../core/errors.js';

/** The size of a file to read, or a one-line InputError naming it when it cannot be read. */
export async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    return s.size;
  } catch (err) {
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** A byte stream of a file, 256 KiB at a time: fewer, larger chunks read faster than the 64 KiB default. */
export function fileStream(path: string): ReadStream {
  return createReadStream(path, { highWaterMark: 1 << 18 });
}
