import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/cli/config/load.js';
import { openStore } from '../../../src/analysis/open-store.js';
import { wechatySettings } from '../../../adapters/wechaty/index.js';
import { ruleYaml } from '../../support/rules.js';
import { storedRecords } from '../../support/stored-records.js';
import { tempDir } from '../../support/temp-dir.js';
import { startIn } from './start-in.js';

describe('relative paths in a config file', () => {
  it('are found from its folder when the bot runs elsewhere: the rule flags, the database is made there', async () => {
    const folder = tempDir({
      'fingertip.yaml': 'rules: [./my-rules]\ndb: ./x.db\n',
      'my-rules/data-request/zebra.yaml': ruleYaml('  any: [斑马被子]'),
    });
    const cwd = tempDir();
    const r = startIn(cwd, {}, ['--config', join(folder, 'fingertip.yaml')], '请各位今天下班前上报斑马被子数量\n');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(join(folder, 'x.db'))).toBe(true);
    const store = await openStore(join(folder, 'x.db'), 'Asia/Shanghai');
    try {
      const [message] = await storedRecords(store);
      expect(message.findings.map((f) => f.rule)).toContain('data-request/zebra');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('are resolved for db, rules and the WeChat session; absolute paths, FINGERTIP_DB and defaults are left as they are', () => {
    const folder = tempDir({ 'c.yaml': 'db: data/x.db\nrules: [../team-rules, /opt/rules]\nadapters: {wechaty: {session: state/bot}}\n' });
    const file = join(folder, 'c.yaml');
    const c = loadConfig(file, {});
    expect(c.db).toBe(join(folder, 'data/x.db'));
    expect(c.rules).toEqual([join(folder, '../team-rules'), '/opt/rules']);
    expect(wechatySettings(c).session).toBe(join(folder, 'state/bot'));
    expect(loadConfig(file, { FINGERTIP_DB: 'y.db' }).db).toBe('y.db');
    expect(loadConfig(undefined, {}).db).toBe('./fingertip.db');
  });
});
