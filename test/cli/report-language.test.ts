import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { fixture } from '../audit/support/read-all.js';
import { digestStore, seedWeek } from '../digest/fixture.js';

const ZH = '# 指尖上的形式主义报告\n';
const EN = '# Fingertip formalism report\n';
/** A WeChat export of one group with a Chinese name. */
const WECHAT = fixture('wechatmsg/教务通知群_utf8.csv');

function config(yaml: string): string {
  return join(tempDir({ 'fingertip.yaml': yaml }), 'fingertip.yaml');
}

const heading = (text: string): string => text.slice(0, text.indexOf('\n') + 1);

describe('the language of audit and report', () => {
  it('follows --lang, else the config, else the group names', async () => {
    const en = config('language: en\n');
    const cases: [string[], string][] = [
      [[], ZH],
      [['--lang', 'en'], EN],
      [['--config', en], EN],
      [['--config', en, '--lang', 'zh'], ZH],
    ];
    for (const [args, expected] of cases) {
      const r = await runCli(['audit', WECHAT, '--format', 'md', ...args]);
      expect([r.code, heading(r.stdout)], args.join(' ')).toEqual([0, expected]);
    }
    // Groups named in English: English by default.
    expect(heading((await runCli(['audit', fixture('contract.jsonl'), '--format', 'md'])).stdout)).toBe(EN);
  });

  it('writes the --skip-bad note in the report language, and JSON the same in either', async () => {
    const zh = await runCli(['audit', fixture('contract-broken.jsonl'), '--skip-bad', '--format', 'md', '--lang', 'zh']);
    expect(zh.stdout).toContain('> 已跳过 2 个损坏的条目（--skip-bad），以上数字不含它们。');
    const json = await runCli(['audit', WECHAT, '--lang', 'zh']);
    expect(json.stdout).toBe((await runCli(['audit', WECHAT, '--lang', 'en'])).stdout);
  });

  it('is a usage error, naming the option or the key, for anything but zh or en', async () => {
    const flag = await runCli(['audit', WECHAT, '--lang', 'fr']);
    expect([flag.code, flag.stdout, flag.stderr]).toEqual([2, '', 'fingertip audit: --lang: expected zh or en, got "fr"\n']);
    const file = config('language: zh-CN\n');
    const key = await runCli(['report', '--config', file]);
    expect([key.code, key.stderr]).toEqual([2, `fingertip report: ${file}: config key language: expected zh or en\n`]);
  });

  it('applies to `report` from the database too', async () => {
    const { config: c, store } = await digestStore();
    await seedWeek(store);
    const file = config(`db: ${c.db}\n`);
    const report = (...args: string[]) => runCli(['report', '--week', '2026-W47', '--config', file, ...args]);
    expect(heading((await report('--format', 'md')).stdout)).toBe(EN); // groups ops, hr, tiny
    const zh = await report('--format', 'html', '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('<html lang="zh-CN">');
    expect(zh.stdout).toContain('<h2>按类别</h2>');
    writeFileSync(file, `db: ${c.db}\nlanguage: zh\n`);
    expect(heading((await report('--format', 'md')).stdout)).toBe(ZH);
    // As with audit, --out alone names the format by its extension.
    const out = join(tempDir(), 'week.html');
    expect((await report('--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<html lang="zh-CN">');
  });

  it('shows a forgotten sender as a member pseudonym in the report language, and the JSON keeps the id', async () => {
    const { config: c, store } = await digestStore();
    await seedWeek(store);
    await store.forgetUser('test', 'U1'); // Li, who sent the demands in ops
    const file = config(`db: ${c.db}\n`);
    const report = (...args: string[]) => runCli(['report', '--week', '2026-W47', '--config', file, ...args]);
    const zh = (await report('--format', 'md', '--lang', 'zh')).stdout;
    expect(zh).toMatch(/^\| 成员1 \| 2 \|$/m);
    expect(zh).toMatch(/ · ops · 成员1 · /);
    expect(zh).not.toContain('anon-');
    const en = (await report('--format', 'html', '--lang', 'en')).stdout;
    expect(en).toContain('<tr><td>Member 1</td><td class="n">2</td></tr>');
    expect(en).not.toContain('anon-');
    const json = JSON.parse((await report()).stdout) as { senders: { id: string }[] };
    expect(json.senders.map((s) => s.id)).toContainEqual(expect.stringMatching(/^anon-/));
  });

  it('speaks, for a week with no messages, as the digest of the same groups does', async () => {
    const { config: c, store } = await digestStore();
    await seedWeek(store);
    await store.updateGroupSettings('test', 'C01', (s) => ({ ...s, language: 'zh' }));
    const file = config(`db: ${c.db}\n`);
    // The groups' names are English; the one group that set a language set Chinese, as the digest reads it.
    expect(heading((await runCli(['report', '--week', '2026-W30', '--config', file, '--format', 'md'])).stdout)).toBe(ZH);
  });
});
