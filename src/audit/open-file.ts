import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError } from '../core/errors.js';

/** The one line for a file or folder of an export that cannot be read: where, and the system's code for why. */
export const cannotRead = (path: string, err: unknown): InputError =>
  new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);

/** The size of a file to read, or a one-line InputError naming it when it cannot be read. */
export async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    return s.size;
  } catch (err) {
    throw cannotRead(path, err);
  }
}

/**
 * A byte stream of a file, or of an open descriptor (closed at the end), 256 KiB at a time: fewer,
 * larger chunks read faster than the 64 KiB default.
 */
export function fileStream(file: string | number): ReadStream {
  return typeof file === 'number' ? createReadStream('', { fd: file, start: 0, highWaterMark: 1 << 18 }) : createReadStream(file, { highWaterMark: 1 << 18 });
}
