import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engines, POSTGRES } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
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

  it.runIf(engines().includes(POSTGRES)).each([
    ['report', []],
    ['feedback', ['export']],
    ['digest', ['--print']],
  ])("%s refuses a PostgreSQL database without fingertip's schema (exit 2), creating nothing in it", async (command, args) => {
    const url = await POSTGRES.fresh();
    const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1@');
    expect(await runCli([command, ...args], { env: { FINGERTIP_DB: url } })).toEqual({
      code: 2,
      stdout: '',
      stderr: `fingertip ${command}: ${shown}: no database yet (run fingertip start first, or set db / FINGERTIP_DB)\n`,
    });
    const db = await rawDb(url);
    expect(await db.all('SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()')).toEqual([]);
    await db.close();
  });

  // Taken as given, 1 ms failed every statement on a sound server (exit 1, "did not answer within 0.001 s").
  it.runIf(engines().includes(POSTGRES))('report refuses a query_timeout under a second (exit 2), naming the option and its minimum', async () => {
    const url = await POSTGRES.fresh();
    const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1@');
    expect(await runCli(['report'], { env: { FINGERTIP_DB: `${url}?query_timeout=1` } })).toEqual({
      code: 2,
      stdout: '',
      stderr: `fingertip report: FINGERTIP_DB: ${shown}: query_timeout must be a whole number from 1000 to 86400000, got "1"\n`,
    });
  });
});
