import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { checkOut, writeOut } from '../../src/core/write-out.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');

/** Another user than the one running the tests, as root can make a file in any folder: nobody. */
function anotherUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** writeOut(out, text) in a node of its own, run by bash after `limits` (ulimit) as `user`, its standard output `stdout`; its stderr. */
function writeOutInChild(out: string, text: string, limits: string, stdout: number | 'pipe' = 'pipe', user?: { uid: number; gid: number }) {
  const script = `import { writeOut } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/core/write-out.ts')).href)};
await writeOut(${JSON.stringify(out)}, ${JSON.stringify(text)}).catch((err) => console.error(err.message));`;
  const node = [process.execPath, '--import', join(ROOT, 'test/support/ts-loader.mjs'), '--input-type=module', '-e', script];
  return spawnSync('bash', ['-c', `${limits}; exec "$@"`, 'bash', ...node], { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', timeout: 60_000, ...user })
    .stderr;
}

describe('--out files', () => {
  it('replaces an earlier file whole, leaving nothing beside it', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    writeFileSync(out, 'old');
    await writeOut(out, 'new');
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const out = join(tempDir(), 'report.md');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    await writeOut(out, 'new');
    expect([readFileSync(out, 'utf8'), statSync(out).mode & 0o777]).toEqual(['new', 0o600]);
  });

  it('writes in place a file of its own that a link leads to in a folder where it cannot make a file', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'v3.model'), 'old');
    symlinkSync(join(locked, 'v3.model'), join(dir, 'current.model'));
    const user = anotherUser();
    if (user) chownSync(join(locked, 'v3.model'), user.uid, user.gid);
    chmodSync(dir, 0o755);
    chmodSync(locked, 0o555);
    try {
      expect(writeOutInChild(join(dir, 'current.model'), 'new', 'true', 'pipe', user)).toBe('');
    } finally {
      // Removable again once the test ends.
      chmodSync(locked, 0o755);
    }
    expect(readFileSync(join(locked, 'v3.model'), 'utf8')).toBe('new');
    expect(readdirSync(locked)).toEqual(['v3.model']);
    expect(lstatSync(join(dir, 'current.model')).isSymbolicLink()).toBe(true);
  }, 70_000);

  it('writes a device as it is, not a file renamed over it', async () => {
    await writeOut('/dev/null', 'nothing');
    expect(existsSync('/dev/null.part')).toBe(false);
  });

  it('names a path that cannot be written, in one line, before any work and after it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a-folder'));
    for (const out of [join(dir, 'missing', 'r.json'), join(dir, 'a-folder')]) {
      for (const attempt of [() => checkOut(out), () => writeOut(out, 'x')]) {
        const err = await attempt().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(InputError);
        expect((err as Error).message).toMatch(/^--out .+: cannot write \((ENOENT|EISDIR)\)$/);
      }
    }
  });

  it('checks without touching an earlier file or leaving a new one', async () => {
    const dir = tempDir();
    const earlier = join(dir, 'earlier.html');
    writeFileSync(earlier, 'kept');
    await checkOut(earlier);
    await checkOut(join(dir, 'new.html'));
    expect(readFileSync(earlier, 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['earlier.html']);
  });

  it('writes through a link to the file it names, leaving the link a link, and bytes as they are', async () => {
    const dir = tempDir({ 'v3.model': 'old' });
    symlinkSync('v3.model', join(dir, 'current.model'));
    await writeOut(join(dir, 'current.model'), Uint8Array.from([0, 255, 1]));
    expect(lstatSync(join(dir, 'current.model')).isSymbolicLink()).toBe(true);
    expect([...readFileSync(join(dir, 'v3.model'))]).toEqual([0, 255, 1]);
  });

  it('keeps the file a link leads to whole when the write fails partway, as on a full disk', () => {
    const dir = tempDir({ 'v3.model': 'old' });
    symlinkSync('v3.model', join(dir, 'current.model'));
    // A file size limit of 1 KiB fails the write after its first KiB (EFBIG), where a full disk would (ENOSPC).
    expect(writeOutInChild(join(dir, 'current.model'), 'x'.repeat(64 * 1024), 'ulimit -f 1')).toMatch(
      /current\.model: cannot write \(EFBIG\); an earlier file there is as it was\n$/,
    );
    expect(readFileSync(join(dir, 'v3.model'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['current.model', 'v3.model']);
  }, 70_000);

  it("writes /dev/stdout through its descriptor when it is open on a file, appending as a shell's >> asks, not a new file renamed over that one", () => {
    const file = join(tempDir({ 'shell.out': 'earlier' }), 'shell.out');
    const inode = statSync(file).ino;
    const fd = openSync(file, 'a');
    try {
      expect(writeOutInChild('/dev/stdout', 'new', 'true', fd)).toBe('');
    } finally {
      closeSync(fd);
    }
    expect([readFileSync(file, 'utf8'), statSync(file).ino]).toEqual(['earliernew', inode]);
  }, 70_000);

  it('checks a link to a file not there yet: refused where it cannot be made, leaving nothing where it can', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'missing', 'r.md'), join(dir, 'broken'));
    symlinkSync(join(dir, 'later.md'), join(dir, 'ahead'));
    expect(((await checkOut(join(dir, 'broken')).catch((e: unknown) => e)) as Error).message).toMatch(/^--out .+broken: cannot write \(ENOENT\)$/);
    await checkOut(join(dir, 'ahead'));
    expect(readdirSync(dir).sort()).toEqual(['ahead', 'broken']);
  });

  it('names the file as the caller calls it, and a path through a file', async () => {
    const dir = tempDir({ 'file.txt': 'x' });
    const err = await checkOut(join(dir, 'file.txt', 'my.model'), 'models/my.model').catch((e: unknown) => e);
    expect((err as Error).message).toBe('models/my.model: cannot write (ENOTDIR)');
  });
});
