import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { Db } from '../../src/store/sqlite/db.js';
import { openStore } from '../../src/analysis/open-store.js';
import { InputError, WorkError } from '../../src/core/errors.js';
import { runCli } from '../support/run-cli.js';
import { rec, tempDir, tempStore } from './fixtures.js';

const rejection = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (err: unknown) => err,
  );

describe('openStore', () => {
  it('creates the file and its folder', async () => {
    const path = join(tempDir(), 'nested', 'deeper', 'fingertip.db');
    const store = await tempStore({}, path);
    await store.add(rec('m1'));
    expect(existsSync(path)).toBe(true);
  });

  it('refuses a path whose folder cannot be made, a file standing in its way, naming it', async () => {
    const file = join(tempDir(), 'afile');
    writeFileSync(file, 'not a folder');
    const err = await rejection(openStore(join(file, 'x.db'), 'Asia/Shanghai'));
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(`${join(file, 'x.db')}: cannot make the database's folder (EEXIST)`);
  });

  it('refuses random bytes with an InputError naming the file, and leaves the file as it was', async () => {
    const path = join(tempDir(), 'random.db');
    const bytes = randomBytes(8192);
    writeFileSync(path, bytes);
    const err = await rejection(openStore(path, 'Asia/Shanghai'));
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(`${path}: not a SQLite database (the file is corrupted or is some other kind of file)`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("refuses another application's SQLite database without touching it", async () => {
    const path = join(tempDir(), 'other.db');
    const db = await Db.open(path, 1000);
    await db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    await db.close();
    const err = await rejection(openStore(path, 'Asia/Shanghai'));
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(`${path}: not a fingertip database`);
    const again = await Db.open(path, 1000);
    expect(await again.all("SELECT name FROM sqlite_schema WHERE type = 'table'")).toEqual([{ name: 'invoices' }]);
    await again.close();
  });

  it('refuses a database made by a newer fingertip', async () => {
    const store = await tempStore();
    await store.close();
    const db = await Db.open(store.path, 1000);
    await db.run('PRAGMA user_version = 999');
    await db.close();
    const err = await rejection(openStore(store.path, 'Asia/Shanghai'));
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/newer fingertip \(schema version 999/);
  });

  it('refuses a file cut inside its last page with one line naming it, for the bot and the CLI (exit 2), and leaves it as it was', async () => {
    const store = await tempStore();
    for (let i = 0; i < 2000; i++) void store.add(rec(`m${i}`, { senderId: `U${i % 7}`, senderName: `name ${i}`, cats: i % 3 ? [] : ['check-in'] }));
    await store.close();
    const pageSize = 4096;
    const size = statSync(store.path).size;
    expect(size % pageSize).toBe(0);
    truncateSync(store.path, size - 100);
    const cut = readFileSync(store.path);

    const err = await rejection(openStore(store.path, 'Asia/Shanghai'));
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    expect(message).toMatch(new RegExp(`^${store.path}: the database file is corrupted \\(quick_check: [^\n]+\\); restore it from a backup or move it away$`));
    expect(readFileSync(store.path).equals(cut)).toBe(true);

    const cli = await runCli(['report', '--week', '2026-W48', '--format', 'json'], { env: { FINGERTIP_DB: store.path } });
    expect(cli.code).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(cli.stderr).toContain(`${store.path}: the database file is corrupted (quick_check: `);
  });

  it('gives a clear WorkError when another process holds the database locked', async () => {
    const store = await tempStore();
    await store.close();
    // Another connection takes an exclusive lock and keeps it, as a crashed tool might.
    const other = new sqlite3.Database(store.path);
    await new Promise<void>((resolve, reject) => other.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;', (err) => (err ? reject(err) : resolve())));
    try {
      const err = await rejection(openStore(store.path, 'Asia/Shanghai', { busyTimeoutMs: 200 }));
      expect(err).toBeInstanceOf(WorkError);
      expect((err as Error).message).toBe(
        `${store.path}: the database is locked by another process (still locked after 200 ms); is another fingertip using it?`,
      );
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
