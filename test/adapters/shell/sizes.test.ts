import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/analysis/open-store.js';
import { runCli } from '../../support/run-cli.js';
import { storedRecords } from '../../support/stored-records.js';
import { tempDir } from '../../support/temp-dir.js';

const RANGE = 'expected a whole number of members from 1 to 100,000';

describe('group sizes and names in the shell', () => {
  it('refuses a size that is no whole number from 1 to 100,000, keeping the last good one, and a switch with no name', async () => {
    const db = join(tempDir(), 'sizes.db');
    const input = [
      '/members 1e300',
      '/members 58',
      '/members 2.5',
      '/members',
      '/group 卫健群 -3',
      '/group 卫健群 100001',
      '/group',
      '/as',
      '请大家今晚十点前完成打卡',
      '',
    ].join('\n');
    const r = await runCli(['start'], { stdin: input, env: { FINGERTIP_DB: db } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('shell: '))).toEqual([
      `shell: /members 1e300: ${RANGE}`,
      'shell: local has 58 members',
      `shell: /members 2.5: ${RANGE}`,
      `shell: /members: ${RANGE}`,
      `shell: /group 卫健群 -3: ${RANGE}`,
      `shell: /group 卫健群 100001: ${RANGE}`,
      'shell: /group needs a name: /group NAME [MEMBERS]',
      'shell: /as needs a name: /as NAME',
    ]);
    const store = await openStore(db, 'Asia/Shanghai');
    try {
      const [demand] = await storedRecords(store);
      expect([demand.groupId, demand.recipients]).toEqual(['local', 57]);
    } finally {
      await store.close();
    }
  });

  it('refuses a configured size out of range with exit 2, naming the key', async () => {
    const dir = tempDir({ 'c.yaml': 'adapters: {shell: {members: 1e300}}\n' });
    const r = await runCli(['start', '--config', join(dir, 'c.yaml')], { stdin: '', env: { FINGERTIP_DB: join(dir, 'x.db') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fingertip start: ${join(dir, 'c.yaml')}: config key adapters.shell.members: ${RANGE}\n`);
  });
});
