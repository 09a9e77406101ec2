import { expect, it } from 'vitest';
import { doneKey, leadMarks } from '../../src/core/command-key.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { tempStore } from './fixtures.js';

const QUARTER_AT = Date.UTC(2026, 10, 23, 2, 0);
const LEAD = '每天要在三个群里重复报体温';

describeEngines('upgrade to lead marks made of the lead', (engine) => {
  it("re-keys a lead's done mark from its row, dropping the one made of its message id; other marks stay", async () => {
    const path = await engine.fresh();
    await (await tempStore({}, path)).close();
    const raw = await rawDb(path);
    // The database as the release before left it: a lead and its mark, a hash of the DM's message id.
    await raw.run(
      engine.name === 'sqlite' ? `PRAGMA user_version = ${MIGRATIONS.length - 1}` : `UPDATE fingertip_schema SET version = ${PG_MIGRATIONS.length - 1}`,
    );
    await raw.run('INSERT INTO leads (platform, group_id, text, ts) VALUES (?, ?, ?, ?)', ['slack', null, LEAD, QUARTER_AT]);
    const marks: [string, number][] = [
      [doneKey('D0ALICE/1795438490.000100'), QUARTER_AT],
      [doneKey('C01/1795438491.000200'), QUARTER_AT + 1234], // a `stats`, say: no lead's
      ['ev-123', QUARTER_AT],
    ];
    for (const [key, ts] of marks) await raw.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?)', ['slack', key, ts]);
    await raw.close();
    const store = await tempStore({}, path);
    const after = await rawDb(path);
    const keys = await after.all<{ key: string; ts: number | string }>('SELECT key, ts FROM seen_events');
    await after.close();
    const lead = leadMarks('slack', null, LEAD, QUARTER_AT).done;
    expect(keys.map((k) => `${k.key} ${Number(k.ts)}`).sort()).toEqual(
      [`${lead} ${QUARTER_AT}`, `${doneKey('C01/1795438491.000200')} ${QUARTER_AT + 1234}`, `ev-123 ${QUARTER_AT}`].sort(),
    );
    // A redelivery of the lead's message finds it done.
    expect(await store.seen('slack', lead)).toBe(true);
  });
});
