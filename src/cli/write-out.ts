import { writeFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';

/** Writes a command's `--out` file; a path that cannot be written is bad input (exit 2), named in one line. */
export async function writeOut(out: string, text: string): Promise<void> {
  try {
    await writeFile(out, text);
  } catch (err) {
    throw new InputError(`--out ${out}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
