import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { checkOut, writeOut } from '../../src/core/write-out.js';
import { tempDir } from '../support/temp-dir.js';

describe('--out files', () => {
  it('replaces an earlier file whole, leaving nothing beside it', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    writeFileSync(out, 'old');
    await writeOut(out, 'new');
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

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
