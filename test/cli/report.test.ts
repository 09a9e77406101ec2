import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { describeEngines } from '../support/databases.js';
import { digestStore, seedNamedGroups } from '../digest/fixture.js';

describeEngines('fingertip report', (engine) => {
  it('shows no name of a member who opted out or was forgotten in the name of a group, in any format', async () => {
    const { config, store } = await digestStore(undefined, engine);
    await seedNamedGroups(store);
    const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
    const report = (...args: string[]) => runCli(['report', '--week', '2026-W47', '--config', file, ...args]);

    const json = await report('--lang', 'zh');
    expect(json.code).toBe(0);
    // The groups keep their ids; only the names lose the member, as a quote does, 成员N in Chinese.
    expect(JSON.parse(json.stdout).groups.map((g: { id: string; name: string }) => [g.id, g.name])).toEqual([
      ['G1', '成员1的工作群'],
      ['G2', "成员2's team"],
    ]);
    const en = await report('--format', 'md', '--lang', 'en');
    expect(en.stdout).toContain("Member 2's team");
    for (const shown of [json, en, await report(), await report('--format', 'html'), await report('--format', 'md', '--lang', 'zh')]) {
      expect(shown.code).toBe(0);
      expect(shown.stdout).not.toMatch(/王小明|Alice|Chen/);
    }
  });
});
