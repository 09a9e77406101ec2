import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { checkOut, writeOut } from '../../src/cli/write-out.js';
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
      for (const attempt of [checkOut(out), writeOut(out, 'x')]) {
        const err = await attempt.catch((e: unknown) => e);
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
});
