import { expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import { doneKey, leadMarks } from '../../src/core/command-key.js';
import type { Sql } from '../../src/store/sql/sql.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { rekeyLeadMarks } from '../../src/store/lead-marks-migration.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { rulesOnly } from '../support/bot-harness.js';
import { describeEngines, type Engine } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { tempStore } from './fixtures.js';

const QUARTER_AT = Date.UTC(2026, 10, 23, 2, 0);
const LEAD = '每天要在三个群里重复报体温';

/**
 * A database as the release before left it, its schema back to before the lead marks' step (and the
 * table of the steps after it gone), with what `seed` writes into it; its path.
 */
async function beforeUpgrade(engine: Engine, seed: (raw: Sql) => Promise<void>): Promise<string> {
  const path = await engine.fresh();
  await (await tempStore({}, path)).close();
  const raw = await rawDb(path);
  await raw.run(
    engine.name === 'sqlite'
      ? `PRAGMA user_version = ${MIGRATIONS.indexOf(rekeyLeadMarks)}`
      : `UPDATE fingertip_schema SET version = ${PG_MIGRATIONS.indexOf(rekeyLeadMarks)}`,
  );
  await raw.exec(
    'DROP TABLE removed_messages; DROP TABLE opted_out_members; DROP INDEX messages_replies; DROP INDEX messages_group; ALTER TABLE chat_groups DROP COLUMN forgotten_members; DROP INDEX messages_sender;',
  );
  await seed(raw);
  await raw.close();
  return path;
}

describeEngines('upgrade to lead marks made of the lead', (engine) => {
  it("re-keys a lead's done mark from its row, dropping the one made of its message id; other marks stay", async () => {
    const path = await beforeUpgrade(engine, async (raw) => {
      // A lead and its mark, a hash of the DM's message id.
      await raw.run('INSERT INTO leads (platform, group_id, text, ts) VALUES (?, ?, ?, ?)', ['slack', null, LEAD, QUARTER_AT]);
      const marks: [string, number][] = [
        [doneKey('D0ALICE/1795438490.000100'), QUARTER_AT],
        [doneKey('C01/1795438491.000200'), QUARTER_AT + 1234], // a `stats`, say: no lead's
        ['ev-123', QUARTER_AT],
      ];
      for (const [key, ts] of marks) await raw.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?)', ['slack', key, ts]);
    });
    const store = await tempStore({}, path);
    const after = await rawDb(path);
    const keys = await after.all<{ key: string; ts: number | string }>('SELECT key, ts FROM seen_events');
    await after.close();
    // Sent in the quarter hour the lead was handled in, or in the one before.
    const [lead, before] = [QUARTER_AT, QUARTER_AT - 15 * 60_000].map((sent) => leadMarks('slack', null, LEAD, sent).done);
    expect(keys.map((k) => `${k.key} ${Number(k.ts)}`).sort()).toEqual(
      [`${lead} ${QUARTER_AT}`, `${before} ${QUARTER_AT}`, `${doneKey('C01/1795438491.000200')} ${QUARTER_AT + 1234}`, `ev-123 ${QUARTER_AT}`].sort(),
    );
    // A redelivery of the lead's message finds it done.
    expect(await store.seen('slack', lead)).toBe(true);
  });

  it('files no second lead when a message sent before the quarter hour it was handled in is redelivered after the upgrade', async () => {
    // Sent 02:14:50 and handled 02:15:05: the release before filed it at 02:15.
    const handledIn = Date.UTC(2026, 10, 23, 2, 15);
    const dm = { id: 'D0ALICE/1795400090.000100', group: null, addressed: true, ts: Date.UTC(2026, 10, 23, 2, 14, 50) };
    const path = await beforeUpgrade(engine, async (raw) => {
      await raw.run('INSERT INTO leads (platform, group_id, text, ts) VALUES (?, ?, ?, ?)', ['test', null, LEAD, handledIn]);
      await raw.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?)', ['test', doneKey(dm.id), handledIn]);
    });
    const store = await tempStore({}, path);
    const config = { ...defaultConfig(), db: path };
    const adapter = new RecordingAdapter();
    await new Bot({ config, store, engine: rulesOnly(), adapters: [adapter], now: () => handledIn + 60_000, log: () => {} }).start();
    await adapter.say(`report ${LEAD}`, dm);
    expect((await store.leads({ from: 0, to: Date.UTC(2030, 0, 1) })).map((l) => l.ts)).toEqual([handledIn]);
  });
});
