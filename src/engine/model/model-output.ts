import { closeSync, lstatSync, mkdirSync, openSync, readlinkSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../core/errors.js';

/** Where a trained model is to go, checked before the training that takes minutes. */
export interface ModelOutput {
  /** Writes the model, replacing the file only once all of it is on disk. */
  write(bytes: Uint8Array): void;
}

const cannot = (file: string, err: unknown) => new InputError(`${file}: cannot write the model (${(err as NodeJS.ErrnoException).code ?? String(err)})`);

/** Writes to a path as it is, for one that is no regular file. */
function writeTo(file: string, target: string, bytes: Uint8Array): void {
  try {
    writeFileSync(target, bytes);
  } catch (err) {
    throw cannot(file, err);
  }
}

/**
 * Opens `file` for a model at the start of a training run: its folder made, a file of its own
 * written there and removed, so a path that cannot take it (a folder, a file where a folder should
 * be, a read-only place) is said at once, not after the training. The model is then written beside
 * the file and renamed over it: a full disk or an interrupted run leaves the model that was there,
 * which a bot may be running on.
 */
export function openModelOutput(file: string): ModelOutput {
  let target = file;
  try {
    // Through a link to the file it names (current.model -> v3.model), as writing to it would.
    if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) target = resolve(dirname(file), readlinkSync(file));
    const there = statSync(target, { throwIfNoEntry: false });
    if (there?.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    // Not a file (a device, a pipe): written to as it is, since renaming over it would replace it.
    if (there && !there.isFile()) return { write: (bytes) => writeTo(file, target, bytes) };
  } catch (err) {
    throw cannot(file, err);
  }
  const temp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    closeSync(openSync(temp, 'w'));
    rmSync(temp);
  } catch (err) {
    throw cannot(file, err);
  }
  return {
    write(bytes) {
      try {
        writeFileSync(temp, bytes);
        renameSync(temp, target);
      } catch (err) {
        try {
          unlinkSync(temp); // what of the new model was written
        } catch {
          // none was, or what stands there is not a file of ours
        }
        throw cannot(file, err);
      }
    },
  };
}
