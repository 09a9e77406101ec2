import { expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { addRemovedDemands } from '../../src/store/postgres/removed-demands-schema.js';
import { REMOVED_DEMANDS_SCHEMA } from '../../src/store/sqlite/removed-demands-schema.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { looseAcks, storedStorms } from '../support/stored-storms.js';
import { rec, tempStore } from './fixtures.js';

describeEngines("upgrade to tombstones that keep a demand's group and time", (engine) => {
  it('keeps the tombstones written before, which behave as they did until their demand comes again, and places the new ones', async () => {
    const path = await engine.fresh();
    const before = await tempStore({}, path);
    await before.add(rec('d1', { cats: ['check-in'] }));
    await before.close();
    // The database as the release before left it, with a tombstone it wrote of a demand.
    const raw = await rawDb(path);
    await raw.run(
      engine.name === 'sqlite'
        ? `PRAGMA user_version = ${MIGRATIONS.indexOf(REMOVED_DEMANDS_SCHEMA)}`
        : `UPDATE fingertip_schema SET version = ${PG_MIGRATIONS.indexOf(addRemovedDemands)}`,
    );
    await raw.exec(
      'DROP INDEX removed_demands; ALTER TABLE removed_messages DROP COLUMN group_id; ALTER TABLE removed_messages DROP COLUMN sent; DROP TABLE opted_out_members; DROP INDEX messages_replies; DROP INDEX messages_group; ALTER TABLE chat_groups DROP COLUMN forgotten_members; DROP INDEX messages_sender;',
    );
    await raw.run('INSERT INTO removed_messages (platform, id, ts) VALUES (?, ?, ?)', ['slack', 'd2', Date.now()]);
    await raw.close();

    const store = await tempStore({}, path);
    // The old tombstone has no time: the acks after its demand count toward the demand before, as they did.
    for (const r of looseAcks('old', 1_000_200)) await store.add(r);
    await store.add(rec('d3', { cats: ['check-in'], ts: 1_000_300 }));
    await store.removeMessage('slack', 'd3');
    for (const r of looseAcks('new', 1_000_400)) await store.add(r);
    expect(await storedStorms(store)).toEqual([{ message_id: 'd1', acks: 5 }]);
    const after = await rawDb(path);
    const rows = await after.all<{ id: string; group_id: string | null; sent: number | string | null }>(
      'SELECT id, group_id, sent FROM removed_messages ORDER BY id',
    );
    await after.close();
    expect(rows.map((r) => [r.id, r.group_id, r.sent === null ? null : Number(r.sent)])).toEqual([
      ['d2', null, null],
      ['d3', 'C1', 1_000_300],
    ]);
    // The old tombstone's demand, delivered again, is not stored, and is placed now: the acks after it are its.
    expect(await store.add(rec('d2', { cats: ['check-in'], ts: 1_000_100 }))).toBe(false);
    expect(await storedStorms(store)).toEqual([]);
  });
});
