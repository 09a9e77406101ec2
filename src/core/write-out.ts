import { createWriteStream, rmSync, write, type WriteStream } from 'node:fs';
import { lstat, open, readlink, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeError } from './write-error.js';

const cannotWrite = (what: string, err: unknown): Error => writeError(what, err, '; an earlier file there is as it was');

/** Codes of a folder that will not have a file made in it, where a file in it may still be written. */
const FOLDER_REFUSES = new Set(['EACCES', 'EPERM']);

/**
 * Where in /proc a path reaches what it names, as /dev/stdout, /dev/fd/1 and /proc/self/fd/1 do: an
 * open descriptor (a shell's `> file`), not a file of the user's to replace; none when it does not.
 */
async function throughProc(path: string): Promise<string | undefined> {
  for (let p = resolve(path); ;) {
    p = join(await realpath(dirname(p)), basename(p));
    if (p.startsWith('/proc/')) return p;
    if (!(await lstat(p)).isSymbolicLink()) return undefined;
    p = resolve(dirname(p), await readlink(p));
  }
}

/** The descriptor of this process a /proc path names (/proc/<pid>/fd/N, its threads' alike); none for another's. */
function ownDescriptor(proc: string): number | undefined {
  const m = /^\/proc\/(\d+)(?:\/task\/\d+)?\/fd\/(\d+)$/.exec(proc);
  return m && Number(m[1]) === process.pid ? Number(m[2]) : undefined;
}

/** Writes a descriptor of the process's, which stays open: it is not the stream's to close. */
const keptOpen = { write, close: (_fd: number, done: (err: null) => void) => done(null) };

/**
 * Where an output file's bytes go. A file, or the file a symbolic link leads to, is written to a file
 * beside it (in the folder it is really in) and renamed over it once whole, so an earlier file is
 * either kept whole or replaced whole, and a link stays a link. A device, a pipe, a descriptor
 * (`/dev/stdout`) or a link to a file not there yet is written as it is, so that what it names gets
 * the bytes and it stays what it is; a file this process has open (`/dev/stdout` under `>> log`) is
 * written through that descriptor, as reopening it would empty it, and lose its place or its appending.
 */
export class OutFile {
  private constructor(
    private readonly out: string,
    /** The path to write. */
    private target: string,
    /** The permissions of the file replaced, which the file written beside it takes. */
    private readonly mode?: number,
    /** The process's open descriptor of the file, written through. */
    private readonly fd?: number,
  ) {}

  static async at(out: string): Promise<OutFile> {
    const replacing = async (file: string) => new OutFile(file, `${file}.${process.pid}.part`, (await stat(file).catch(() => undefined))?.mode);
    const existing = await lstat(out).catch(() => undefined);
    if (existing === undefined || existing.isFile()) return replacing(out);
    const linked = existing.isSymbolicLink() && (await stat(out).catch(() => undefined))?.isFile() === true;
    if (!linked) return new OutFile(out, out);
    const proc = await throughProc(out);
    return proc === undefined ? replacing(await realpath(out)) : new OutFile(out, out, undefined, ownDescriptor(proc));
  }

  get direct(): boolean {
    return this.target === this.out;
  }

  /**
   * Opens what is written (`flags` as for open: 'a' to check without emptying a file). A file beside
   * an earlier one takes its permissions, so that a 0600 evidence bundle does not become readable by
   * all; where the folder will not have a file made in it (a link to a file of one's own in a folder
   * of someone else's), the earlier file is written in place, as it was before files were replaced.
   */
  async open(flags = 'w'): Promise<FileHandle> {
    if (this.direct) return open(this.target, flags);
    const mode = this.mode === undefined ? undefined : this.mode & 0o777;
    let handle: FileHandle;
    try {
      // Made with no more access than the earlier file, so that nothing can open it before its mode is set.
      handle = await open(this.target, flags, mode);
    } catch (err) {
      if (this.mode === undefined || !FOLDER_REFUSES.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
      this.target = this.out;
      return open(this.target, flags);
    }
    try {
      // Set once made, as the mode given to open is cut by the umask.
      if (mode !== undefined) await handle.chmod(mode);
      return handle;
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** A stream of what is written, to end and see finished before done(). */
  async stream(): Promise<WriteStream> {
    if (this.fd !== undefined) return createWriteStream('', { fd: this.fd, fs: keptOpen });
    return (await this.open()).createWriteStream();
  }

  /** Puts what was written in the file's place. */
  async done(): Promise<void> {
    if (!this.direct) await rename(this.target, this.out);
  }

  /** Removes what was written beside the file; never the file, nor a device or pipe written as it is. */
  discard(): void {
    try {
      if (!this.direct) rmSync(this.target, { force: true });
    } catch {
      // Nothing could be made there (a path through a file): nothing to remove.
    }
  }
}

/**
 * Checks before a long run that an output file can be written, so that the run fails before it
 * changes anything else (an evidence bundle) or spends its minutes (a training run): that it can be
 * opened if it is there, and that a file can be made beside it where it will be replaced whole. Its
 * contents are not touched, and nothing is left behind. `what` names the file in an error.
 */
export async function checkOut(out: string, what = `--out ${out}`): Promise<void> {
  const file = await OutFile.at(out);
  const there = await stat(out).catch(() => undefined);
  try {
    // A pipe is not opened: its reader would take the close for the end, and never see what follows.
    if (there && !there.isFIFO()) await (await open(out, 'a')).close();
    if (!file.direct) await (await file.open('a')).close();
    // A link to a file not there yet: the file is made where it points, to know that it can be, and removed.
    if (!there && file.direct) {
      await (await open(out, 'a')).close();
      await unlink(await realpath(out));
    }
  } catch (err) {
    throw cannotWrite(what, err);
  } finally {
    file.discard();
  }
}

/**
 * Writes a command's `--out` file as OutFile says, named in one line when it cannot: a path that
 * cannot be written is bad input (exit 2), a full disk a failure (exit 1).
 */
export async function writeOut(out: string, text: string | Uint8Array, what = `--out ${out}`): Promise<void> {
  const file = await OutFile.at(out);
  try {
    const stream = await file.stream();
    stream.end(text);
    await finished(stream);
    await file.done();
  } catch (err) {
    file.discard();
    throw cannotWrite(what, err);
  }
}
