import { existsSync, rmSync } from 'node:fs';
import { lstat, open, rename, writeFile } from 'node:fs/promises';
import { writeError } from './write-error.js';

const cannotWrite = (what: string, err: unknown): Error => writeError(what, err, '; an earlier file there is as it was');

/**
 * Checks before a long run that its `--out` file can be written, so that the run fails before it
 * changes anything else (an evidence bundle) or spends its minutes (a training run); the file's
 * contents are not touched, and a file that was not there is not left behind. `what` names the file
 * in an error.
 */
export async function checkOut(out: string, what = `--out ${out}`): Promise<void> {
  const existed = existsSync(out);
  try {
    await (await open(out, 'a')).close();
  } catch (err) {
    throw cannotWrite(what, err);
  }
  if (!existed) rmSync(out, { force: true });
}

/**
 * Writes a command's `--out` file, named in one line when it cannot: a path that cannot be written is
 * bad input (exit 2), a full disk a failure (exit 1). A file is written beside it and renamed over it,
 * so an earlier file is either kept whole or replaced whole; a device or a pipe is written directly.
 */
export async function writeOut(out: string, text: string | Uint8Array, what = `--out ${out}`): Promise<void> {
  const existing = await lstat(out).catch(() => undefined);
  const direct = existing !== undefined && !existing.isFile();
  const target = direct ? out : `${out}.${process.pid}.part`;
  try {
    await writeFile(target, text);
    if (!direct) await rename(target, out);
  } catch (err) {
    if (!direct) rmSync(target, { force: true });
    throw cannotWrite(what, err);
  }
}
