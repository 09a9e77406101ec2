import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../../src/store/sqlite/db.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { textReading } from '../../src/analysis/open-store.js';
import { hashOptOuts } from '../../src/store/sqlite/opt-out-migration.js';
import { SerialWriter } from '../../src/store/serial-writer.js';
import { bytesFound } from './file-bytes.js';
import { rec, tempDir, tempStore } from './fixtures.js';

/** A database as fingertip wrote it before the opt-out step, deleting without secure_delete. */
async function olderDb(fill: (db: Db) => Promise<void>): Promise<string> {
  const path = join(tempDir(), 'older.db');
  const db = await Db.open(path, 1000);
  await migrate(new SerialWriter(db), textReading('Asia/Shanghai'), MIGRATIONS.slice(0, MIGRATIONS.indexOf(hashOptOuts)));
  await db.run('PRAGMA secure_delete = OFF');
  await fill(db);
  await db.close();
  return path;
}

const MESSAGE = `INSERT INTO messages (platform, id, group_id, sender_id, ts, length, hash, is_ack, mentions_all, recipients, mask, findings, text)
  VALUES ('slack', ?, 'C1', ?, 1000, 10, ?, 0, 0, 5, 1, '[]', ?)`;

describe('the opt-out step', () => {
  it('keeps an opt-out as a salted hash only, and drops what tied the person to their anonymous id', async () => {
    const path = await olderDb(async (db) => {
      await db.run("INSERT INTO chat_users (platform, id, name, opted_out, anon) VALUES ('slack', 'Uoptedout5', NULL, 1, 'anon-0123456789ab')");
      await db.run("INSERT INTO chat_users (platform, id, name, opted_out, anon) VALUES ('slack', 'U6', 'Li', 0, NULL)");
      await db.run(MESSAGE, ['by-anon', 'anon-0123456789ab', 'h1', 'anonymous demand']);
      await db.run(MESSAGE, ['by-li', 'U6', 'h2', 'named demand']);
    });
    expect(bytesFound(path, ['Uoptedout5'])).not.toEqual([]);

    const store = await tempStore({}, path);
    expect(await store.isOptedOut('slack', 'Uoptedout5')).toBe(true);
    expect(await store.isOptedOut('slack', 'U6')).toBe(false);
    expect(await store.message('slack', 'by-li')).toMatchObject({ senderName: 'Li', text: 'named demand' });
    expect((await store.message('slack', 'by-anon'))?.senderId).toBe('anon-0123456789ab');
    await store.add(rec('new', { senderId: 'Uoptedout5', senderName: 'Wang', cats: ['check-in'] }));
    expect(await store.message('slack', 'new')).toMatchObject({ senderId: expect.stringMatching(/^anon-/), text: null });
    await store.close();

    const db = await Db.open(path, 1000);
    expect((await db.all<{ name: string }>("SELECT name FROM pragma_table_info('chat_users')")).map((c) => c.name)).toEqual(['platform', 'id', 'name']);
    expect(await db.all('SELECT platform, id_hash FROM opt_outs')).toEqual([{ platform: 'slack', id_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    await db.close();
    expect(bytesFound(path, ['Uoptedout5', 'Wang'])).toEqual([]);
  });

  it('rewrites a file written without secure_delete once, so rows deleted before leave nothing behind', async () => {
    const path = await olderDb(async (db) => {
      await db.run(MESSAGE, ['purged', 'U1', 'h1', 'a purged demand QUAGGA-TEXT']);
      await db.run(MESSAGE, ['kept', 'U2', 'h2', 'a kept demand']);
      await db.run("DELETE FROM messages WHERE id = 'purged'");
    });
    expect(bytesFound(path, ['QUAGGA-TEXT'])).not.toEqual([]);

    const store = await tempStore({}, path);
    expect((await store.message('slack', 'kept'))?.text).toBe('a kept demand');
    expect(bytesFound(path, ['QUAGGA-TEXT'])).toEqual([]);
    await store.close();
    expect(bytesFound(path, ['QUAGGA-TEXT'])).toEqual([]);
  });
});
