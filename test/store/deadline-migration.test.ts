import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDeadline } from '../../src/analysis/record/deadline.js';
import { addDeadlines } from '../../src/store/sqlite/deadline-migration.js';
import { Db } from '../../src/store/sqlite/db.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { textReading } from '../../src/analysis/open-store.js';
import { SerialWriter } from '../../src/store/serial-writer.js';
import { textHash } from '../../src/analysis/record/text-hash.js';
import { localDay } from '../../src/core/time/zone.js';
import { tempDir, tempStore } from './fixtures.js';

describe('the deadlines step', () => {
  it('gives stored demands their deadline and digit-folded hash, and leaves other messages alone', async () => {
    const path = join(tempDir(), 'older.db');
    const db = await Db.open(path, 1000);
    await migrate(new SerialWriter(db), textReading('Asia/Shanghai'), MIGRATIONS.slice(0, MIGRATIONS.indexOf(addDeadlines)));
    const insert = `INSERT INTO messages (platform, id, group_id, sender_id, ts, length, hash, is_ack, mentions_all, recipients, mask, findings, text)
      VALUES ('slack', ?, 'C1', 'U1', 1000, 10, ?, 0, 0, 5, ?, ?, ?)`;
    // More rows than one page of the step, so that it pages through them; in one transaction, as
    // 2100 of their own each wait for the disk (seconds on a busy machine).
    await db.run('BEGIN');
    for (let i = 0; i < 2100; i++) await db.run(insert, [`d${i}`, `old${i}`, 1, '[]', `请于今晚${i % 2 ? '十' : '9'}点前上报第${i}周报表`]);
    await db.run('COMMIT');
    await db.run(insert, ['quiet', 'old-quiet', 0, null, null]);
    // A weekday counts from the day each was sent in the zone: Thursday, and Saturday 01:00 (Friday in UTC).
    const sent = `INSERT INTO messages (platform, id, group_id, sender_id, ts, length, hash, is_ack, mentions_all, recipients, mask, findings, text)
      VALUES ('slack', ?, 'C1', 'U1', ?, 10, 'old', 0, 0, 5, 1, '[]', '请于周六上午10点前上报')`;
    await db.run(sent, ['thu', Date.parse('2026-11-26T10:00:00+08:00')]);
    await db.run(sent, ['sat', Date.parse('2026-11-28T01:00:00+08:00')]);
    await db.close();

    const store = await tempStore({}, path);
    const d1 = await store.message('slack', 'd1');
    expect(d1?.deadline).toBe(extractDeadline('今晚十点前', localDay(1000, 'Asia/Shanghai'))); // 22:00
    expect(d1?.deadline).toBe(22 * 60);
    expect((await store.message('slack', 'd2098'))?.deadline).toBe(21 * 60);
    expect(d1?.hash).toBe(textHash('请于今晚十点前上报第1周报表'));
    expect(d1?.hash).toBe((await store.message('slack', 'd2099'))?.hash);
    const quiet = await store.message('slack', 'quiet');
    expect([quiet?.hash, quiet?.deadline]).toEqual(['old-quiet', null]);
    expect((await store.message('slack', 'thu'))?.deadline).toBe(2 * 1440 + 10 * 60);
    expect((await store.message('slack', 'sat'))?.deadline).toBe(7 * 1440 + 10 * 60);
  });
});
