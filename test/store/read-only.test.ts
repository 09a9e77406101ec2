import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/analysis/open-store.js';
import { tempDir } from '../support/temp-dir.js';

// `fingertip start` in a process of its own on a database it may not write: root writes anyway, so
// under root it runs as nobody, and the files are set up for that user.
const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
const ROOT = resolve(import.meta.dirname, '../..');

function start(db: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--import', './test/support/ts-loader.mjs', 'test/support/fingertip-cli.ts', 'start'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', FINGERTIP_DB: db },
    input: '请大家今晚十点前完成打卡\n统计\n',
    encoding: 'utf8',
    ...NOBODY,
  });
}

/** A fingertip database in a folder of its own, owned by whoever `start` runs as. */
async function database(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'f.db');
  await (await openStore(db, 'Asia/Shanghai')).close();
  if (NOBODY) chownSync(db, NOBODY.uid, NOBODY.gid);
  return { dir, db };
}

describe('a SQLite database fingertip may not write', () => {
  it('in a folder that refuses its -wal and -shm files: refused at start, naming the folder and the files', async () => {
    const { dir, db } = await database();
    chmodSync(dir, 0o555);
    try {
      const r = start(db);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      // Before, it said the file was read-only, which it is not.
      expect(r.stderr).toBe(
        `fingertip start: ${db}: the folder ${dir} is read-only, and SQLite keeps f.db-wal and f.db-shm in it beside the database (attempt to write a readonly database); make the folder writable, or move the database to one that is\n`,
      );
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('behind a link in a writable folder, in a folder that refuses the -wal and -shm: names that folder and the file the link leads to', async () => {
    const { dir, db } = await database();
    const top = tempDir();
    chmodSync(top, 0o755);
    const links = join(top, 'links');
    mkdirSync(links);
    chmodSync(links, 0o777);
    const link = join(links, 'current.db');
    symlinkSync(db, link);
    chmodSync(dir, 0o555);
    try {
      const r = start(link);
      expect(r.status).toBe(2);
      // Before, it blamed the file, which is writable: SQLite keeps the -wal and -shm beside the file the link leads to.
      expect(r.stderr).toBe(
        `fingertip start: ${link} (a link to ${db}): the folder ${dir} is read-only, and SQLite keeps f.db-wal and f.db-shm in it beside the database (attempt to write a readonly database); make the folder writable, or move the database to one that is\n`,
      );
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('a read-only file in a read-only folder: names both', async () => {
    const { dir, db } = await database();
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    try {
      const r = start(db);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      // Before, it named the folder only: made writable, the file still refused.
      expect(r.stderr).toBe(
        `fingertip start: ${db}: the database file is read-only, and so is its folder ${dir}, where SQLite keeps f.db-wal and f.db-shm beside it; make both writable by the user fingertip runs as\n`,
      );
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('a read-only file in a writable folder: refused at start in one line, not failed line by line', async () => {
    const { dir, db } = await database();
    chmodSync(dir, 0o777);
    chmodSync(db, 0o444);
    const r = start(db);
    // Before, it started, logged `retention purge failed`, failed every line and exited 1.
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fingertip start: ${db}: the database file is read-only; make it writable by the user fingertip runs as\n`);
  });
});
