import { expect, it } from 'vitest';
import { commandKey, doneKey } from '../../src/core/command-key.js';
import { hashCommandMarks } from '../../src/store/command-marks-migration.js';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { tempStore } from './fixtures.js';

const QUARTER = 15 * 60_000;
const AT = Date.UTC(2026, 10, 23, 2, 7, 31, 123);

describeEngines('hashCommandMarks', (engine) => {
  it("makes earlier releases' marks of finished commands this release's, drops their begun marks and exact times", async () => {
    const path = await engine.fresh();
    const store = await tempStore({}, path);
    const raw = await rawDb(path);
    // Two releases back: `cmd:<id>`; one back: `command:<id>` while running, `command:<id>:done` after.
    for (const key of ['cmd:C01/1795438800.000100', 'command:c3:done', 'command:c4', commandKey('new'), doneKey('new'), 'ev-123'])
      await raw.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?)', ['slack', key, AT]);
    await raw.run('INSERT INTO leads (platform, group_id, text, ts) VALUES (?, ?, ?, ?)', ['slack', 'C01', '每天要在三个群里重复报体温', AT]);
    await hashCommandMarks(raw);
    const keys = await raw.all<{ key: string; ts: number | string }>("SELECT key, ts FROM seen_events WHERE platform = 'slack' ORDER BY key");
    await raw.close();
    expect(keys.map((k) => k.key).sort()).toEqual([doneKey('C01/1795438800.000100'), doneKey('c3'), commandKey('new'), doneKey('new'), 'ev-123'].sort());
    // Converted marks keep only their quarter hour; this release's and other events' stay as they were.
    const tsOf = (key: string) => Number(keys.find((k) => k.key === key)!.ts);
    expect([tsOf(doneKey('c3')), tsOf(doneKey('new')), tsOf('ev-123')]).toEqual([Math.floor(AT / QUARTER) * QUARTER, AT, AT]);
    expect(JSON.stringify(keys)).not.toMatch(/C01\/|c3|c4/);
    expect((await store.leads({ from: 0, to: AT + QUARTER })).map((l) => l.ts)).toEqual([Math.floor(AT / QUARTER) * QUARTER]);
    expect(await store.seen('slack', doneKey('c3'))).toBe(true);
  });
});
