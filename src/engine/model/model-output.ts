import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../../core/errors.js';

/** Where a trained model is to go, checked before the training that takes minutes. */
export interface ModelOutput {
  /** Writes the model, replacing the file only once all of it is on disk. */
  write(bytes: Uint8Array): void;
}

const cannot = (file: string, err: unknown) => new InputError(`${file}: cannot write the model (${(err as NodeJS.ErrnoException).code ?? String(err)})`);

/**
 * Opens `file` for a model at the start of a training run: its folder made, a file of its own
 * written there and removed, so a path that cannot take it (a folder, a file where a folder should
 * be, a read-only place) is said at once, not after the training. The model is then written beside
 * the file and renamed over it: a full disk or an interrupted run leaves the model that was there,
 * which a bot may be running on.
 */
export function openModelOutput(file: string): ModelOutput {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    mkdirSync(dirname(file), { recursive: true });
    closeSync(openSync(temp, 'w'));
    rmSync(temp);
  } catch (err) {
    throw cannot(file, err);
  }
  return {
    write(bytes) {
      try {
        writeFileSync(temp, bytes);
        renameSync(temp, file);
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
