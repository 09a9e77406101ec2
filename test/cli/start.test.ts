import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

describe('fingertip start', () => {
  it('refuses an unknown adapter or a missing setting before it creates the database file', async () => {
    const dir = tempDir();
    const db = join(dir, 'fingertip.db');
    const unknown = await runCli(['start', '--adapter', 'shell', '--adapter', 'nosuch'], { env: { FINGERTIP_DB: db } });
    expect(unknown.stderr).toBe('fingertip start: --adapter nosuch: unknown adapter (known: shell, slack, wechaty, dingtalk, feishu)\n');
    expect(unknown.code).toBe(2);
    expect(existsSync(db)).toBe(false);
    const config = join(dir, 'fingertip.yaml');
    writeFileSync(config, 'adapters:\n  slack: {signingSecret: s3}\n');
    const tokenless = await runCli(['start', '--config', config], { env: { FINGERTIP_DB: db } });
    expect(tokenless.stderr).toMatch(/^fingertip start: [^\n]*config key adapters\.slack\.token: the bot token \(xoxb-\.\.\.\) is required\n$/);
    expect(tokenless.code).toBe(2);
    expect(existsSync(db)).toBe(false);
    writeFileSync(config, 'adapters:\n  wechaty: {puppet: wechaty-puppet-nope}\n');
    const puppetless = await runCli(['start', '--config', config], { env: { FINGERTIP_DB: db } });
    expect(puppetless.stderr).toBe(
      'fingertip start: adapters.wechaty.puppet: package wechaty-puppet-nope is not installed (run: npm install wechaty-puppet-nope)\n',
    );
    expect(puppetless.code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it('runs an adapter named twice once: two shells would each handle every line', async () => {
    const r = await runCli(['start', '--adapter', 'shell', '--adapter', 'shell'], {
      stdin: '大家看到了回1\n',
      env: { FINGERTIP_DB: join(tempDir(), 'fingertip.db') },
    });
    expect(r.stdout).toBe('flagged: ack-demand (ack-demand/zh-chain-reply)\n');
    expect(r.code).toBe(0);
  });
});
