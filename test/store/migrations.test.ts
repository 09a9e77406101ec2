import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../../src/store/sqlite/db.js';
import { APPLICATION_ID, MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { textReading } from '../../src/analysis/open-store.js';
import { SerialWriter } from '../../src/store/serial-writer.js';
import { tempDir, tempStore } from './fixtures.js';

async function version(path: string): Promise<{ user_version: number; application_id: number }> {
  const db = await Db.open(path, 1000);
  const v = await db.get<{ user_version: number }>('PRAGMA user_version');
  const a = await db.get<{ application_id: number }>('PRAGMA application_id');
  await db.close();
  return { user_version: v!.user_version, application_id: a!.application_id };
}

describe('migrations', () => {
  it('brings a new file to the newest version and marks it as fingertip', async () => {
    const store = await tempStore();
    await store.close();
    expect(await version(store.path)).toEqual({ user_version: MIGRATIONS.length, application_id: APPLICATION_ID });
  });

  it('applies each step once, however often the file is opened or migrated', async () => {
    const path = join(tempDir(), 'twice.db');
    await (await tempStore({}, path)).close();
    await (await tempStore({}, path)).close(); // a second open must not fail on existing tables
    const db = await Db.open(path, 1000);
    const writer = new SerialWriter(db);
    expect(await migrate(writer, textReading('Asia/Shanghai'))).toBe(0);
    // A step appended later (as digest or adapters will) runs once, then never again.
    const later = [...MIGRATIONS, 'CREATE TABLE later_step (x INTEGER)'];
    expect(await migrate(writer, textReading('Asia/Shanghai'), later)).toBe(1);
    expect(await migrate(writer, textReading('Asia/Shanghai'), later)).toBe(0);
    expect(await db.get('SELECT count(*) AS n FROM later_step')).toEqual({ n: 0 });
    await db.close();
    expect((await version(path)).user_version).toBe(MIGRATIONS.length + 1);
  });

  it('rolls a failing step back whole, leaving the version where it was', async () => {
    const db = await Db.open(join(tempDir(), 'fail.db'), 1000);
    const writer = new SerialWriter(db);
    await expect(migrate(writer, textReading('Asia/Shanghai'), ['CREATE TABLE a (x INTEGER); CREATE TABLE a (y INTEGER);'])).rejects.toThrow(/already exists/);
    expect(await db.get("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'a'")).toEqual({ n: 0 });
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 0 });
    await db.close();
  });
});
