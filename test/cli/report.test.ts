import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { describeEngines } from '../support/databases.js';
import { digestStore, seedNamedGroups, w47 } from '../digest/fixture.js';
import { demand } from '../analysis/report/records.js';

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

  it("gives a hidden name in a group's name and a sender stored without id different pseudonyms", async () => {
    const { config, store } = await digestStore(undefined, engine);
    await store.upsertGroup({ platform: 'test', id: 'G1', name: '王小明的工作群', memberCount: 20, memberIds: ['W1', 'A1', 'W2'] });
    const g1 = { platform: 'test', groupId: 'G1', groupName: '王小明的工作群', recipients: 19 };
    await store.add(
      demand({ ...g1, senderId: 'A1', senderName: 'Alice Chen', id: 'd1', ts: w47(1, 10), text: '请各位今天下班前填写统计表并上报' }, ['data-request']),
    );
    await store.add(
      demand({ ...g1, senderId: 'W1', senderName: '王小明', id: 'd2', ts: w47(1, 11), text: '请各位明天下班前填写统计表并上报' }, ['data-request']),
    );
    await store.flush();
    await store.forgetUser('test', 'A1');
    await store.setOptOut('test', 'W1', true);
    const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
    for (const lang of [['--lang', 'zh'], []]) {
      const md = await runCli(['report', '--week', '2026-W47', '--config', file, '--format', 'md', ...lang]);
      expect(md.code).toBe(0);
      // 成员1 is 王小明, in the group's name; Alice, forgotten, is a sender under another number.
      expect(md.stdout).toContain('成员1的工作群');
      expect(md.stdout).toMatch(/\| 成员2 \|/);
      expect(md.stdout).not.toMatch(/\| 成员1 \|/);
    }
  });
});
