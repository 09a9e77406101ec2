import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.js';
import { startIn } from './start-in.js';

const start = (cwd: string, env: Record<string, string>, ...args: string[]) => startIn(cwd, env, args);

describe('a database URL', () => {
  it('in FINGERTIP_DB is refused with exit 2, naming the variable and not the password, creating nothing', () => {
    const cwd = tempDir();
    const r = start(cwd, { FINGERTIP_DB: 'postgres://fingertip:s3cret@127.0.0.1:5432/fingertip' });
    expect(r.stderr).toBe('fingertip start: FINGERTIP_DB: a postgres:// URL: postgres is not supported yet; give the path of a SQLite file\n');
    expect(r.status).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);

  it('in the config file is refused the same way, naming the file and the key', () => {
    const config = join(tempDir({ 'c.yaml': 'db: postgresql://127.0.0.1/fingertip\n' }), 'c.yaml');
    const cwd = tempDir();
    const r = start(cwd, {}, '--config', config);
    expect(r.stderr).toBe(`fingertip start: ${config}: config key db: a postgresql:// URL: postgresql is not supported yet; give the path of a SQLite file\n`);
    expect(r.status).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);
});
