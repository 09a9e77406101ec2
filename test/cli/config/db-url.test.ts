import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.js';
import { tempDir } from '../../support/temp-dir.js';
import { startIn } from './start-in.js';

const start = (cwd: string, env: Record<string, string>, ...args: string[]) => startIn(cwd, env, args);

describe('a database URL', () => {
  it('in FINGERTIP_DB naming an unreachable PostgreSQL server is one line with exit 2, naming the server and not the password, creating nothing', async () => {
    const cwd = tempDir();
    const port = await freePort();
    const r = start(cwd, { FINGERTIP_DB: `postgres://fingertip:s3cret@127.0.0.1:${port}/fingertip` });
    expect(r.stderr).toBe(
      `fingertip start: postgres://fingertip@127.0.0.1:${port}/fingertip: cannot reach the database server at 127.0.0.1:${port} (ECONNREFUSED)\n`,
    );
    expect(r.status).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);

  it('of another scheme in the config file is refused, naming the file and the key', () => {
    const config = join(tempDir({ 'c.yaml': 'db: mysql://127.0.0.1/fingertip\n' }), 'c.yaml');
    const cwd = tempDir();
    const r = start(cwd, {}, '--config', config);
    expect(r.stderr).toBe(
      `fingertip start: ${config}: config key db: a mysql:// URL: mysql is not supported; give a postgres:// URL or the path of a SQLite file\n`,
    );
    expect(r.status).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);
});
