import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/analysis/open-store.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { demand } from '../analysis/report/records.js';
import { digestStore, FILL_FORM, seedWeek, w47 } from './fixture.js';

async function seededConfig(): Promise<{ file: string; db: string }> {
  const { config, store } = await digestStore();
  await seedWeek(store);
  const file = join(tempDir(), 'fingertip.yaml');
  writeFileSync(file, `db: ${config.db}\ndigest:\n  supervisors: [{platform: shell, user: boss, lang: en}]\n`);
  return { file, db: config.db };
}

describe('fingertip digest', () => {
  it('--print shows the text --send delivers, and --send delivers each week once', async () => {
    const { file, db } = await seededConfig();
    const printed = await runCli(['digest', '--week', '2026-W47', '--print', '--config', file]);
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith('== shell:boss ==\nFingertip digest 2026-W47 (2026-11-16 to 2026-11-22)\n')).toBe(true);
    const text = printed.stdout.slice('== shell:boss ==\n'.length).trimEnd();

    const sent = await runCli(['digest', '--week', '2026-W47', '--send', '--config', file]);
    expect([sent.code, sent.stderr]).toEqual([0, 'digest: 2026-W47 sent to shell:boss\n']);
    expect(sent.stdout).toContain(text);
    const again = await runCli(['digest', '--week', '2026-W47', '--send', '--config', file]);
    expect([again.code, again.stdout, again.stderr]).toEqual([
      0,
      '',
      'digest: nothing to send: 2026-W47 was already sent to every supervisor (or another run is sending it)\n',
    ]);

    const log = await openStore(db, 'Asia/Shanghai');
    expect((await log.deliveries('shell', 'boss')).map((r) => [r.week, r.status])).toEqual([['2026-W47', 'sent']]);
    await log.close();
  });

  it('prints the first weeks messages can be from, with a trend that starts in 2000', async () => {
    const { file } = await seededConfig();
    for (const week of ['1999-W52', '2000-W01', '2000-W02']) {
      const printed = await runCli(['digest', '--week', week, '--print', '--config', file]);
      expect([printed.code, printed.stderr], week).toEqual([0, '']);
      expect(printed.stdout).toContain(`Fingertip digest ${week}`);
    }
  });

  it('speaks Chinese when the group names tie and the demands are Chinese, in the digest and the report alike', async () => {
    const { config, store } = await digestStore();
    await store.upsertGroup({ platform: 'test', id: 'C1', name: '2026届3班', memberCount: 40, memberIds: [] });
    await store.upsertGroup({ platform: 'test', id: 'C2', name: 'Team-A', memberCount: 30, memberIds: [] });
    for (const [id, groupId, groupName] of [
      ['d1', 'C1', '2026届3班'],
      ['d2', 'C2', 'Team-A'],
    ]) {
      await store.add(
        demand({ platform: 'test', groupId, groupName, id, senderId: `U${id}`, ts: w47(1, 10), recipients: 20, text: FILL_FORM }, ['data-request']),
      );
    }
    await store.flush();
    const file = join(tempDir(), 'fingertip.yaml');
    writeFileSync(file, `db: ${config.db}\n`);
    const digest = await runCli(['digest', '--week', '2026-W47', '--print', '--config', file]);
    expect(digest.stdout).toContain('\n【指尖减负周报】2026年第47周');
    const report = await runCli(['report', '--week', '2026-W47', '--format', 'md', '--config', file]);
    expect(report.stdout.startsWith('# 指尖上的形式主义报告\n')).toBe(true);
  });

  it('--print without supervisors says whose digest it is in the language of the digest', async () => {
    const { config, store } = await digestStore();
    await store.upsertGroup({ platform: 'test', id: 'C1', name: '村委会群', memberCount: 40, memberIds: [] });
    await store.add(
      demand({ platform: 'test', groupId: 'C1', groupName: '村委会群', id: 'd1', ts: w47(1, 10), recipients: 20, text: FILL_FORM }, ['data-request']),
    );
    await store.flush();
    const file = join(tempDir(), 'fingertip.yaml');
    writeFileSync(file, `db: ${config.db}\n`);
    const zh = await runCli(['digest', '--week', '2026-W47', '--print', '--config', file]);
    expect(zh.stdout.startsWith('== 全部群组 ==\n【指尖减负周报】2026年第47周')).toBe(true);
    await store.updateGroupSettings('test', 'C1', (s) => ({ ...s, language: 'en' }));
    const en = await runCli(['digest', '--week', '2026-W47', '--print', '--config', file]);
    expect(en.stdout.startsWith('== all groups ==\nFingertip digest 2026-W47')).toBe(true);
  });

  it('is a usage error without exactly one of --print and --send, or with a bad week', async () => {
    const { file } = await seededConfig();
    expect((await runCli(['digest', '--config', file])).stderr).toBe('fingertip digest: give exactly one of --print or --send\n');
    const bad = await runCli(['digest', '--week', '2026-47', '--print', '--config', file]);
    expect([bad.code, bad.stderr]).toEqual([2, 'fingertip digest: --week: expected an ISO week such as 2026-W47, got "2026-47"\n']);
  });

  it('exits 1 when a delivery finally failed, keeping it recorded as failed', async () => {
    const { file, db } = await seededConfig();
    writeFileSync(file, `db: ${db}\ndigest:\n  supervisors: [{platform: nowhere, user: boss}]\n`);
    const res = await runCli(['digest', '--week', '2026-W47', '--send', '--config', file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('fingertip digest: 1 of 1 deliveries failed');
    const log = await openStore(db, 'Asia/Shanghai');
    expect((await log.deliveries('nowhere', 'boss'))[0].status).toBe('failed');
    await log.close();
  });
});
