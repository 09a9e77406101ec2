import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

describe('commands that read the bot database', () => {
  it.each([
    ['report', []],
    ['feedback', ['export']],
    ['digest', ['--print']],
  ])('%s refuses a database that is not there (exit 2), making no empty one', async (command, args) => {
    const db = join(tempDir(), 'none.db');
    expect(await runCli([command, ...args], { env: { FINGERTIP_DB: db } })).toEqual({
      code: 2,
      stdout: '',
      stderr: `fingertip ${command}: ${db}: no database yet (run fingertip start first, or set db / FINGERTIP_DB)\n`,
    });
    expect(existsSync(db)).toBe(false);
  });
});
