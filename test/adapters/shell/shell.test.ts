import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { Db } from '../../../src/store/sqlite/db.js';
import { runCli } from '../../support/run-cli.js';
import { tempDir } from '../../support/temp-dir.js';

describe('shell adapter (fingertip start)', () => {
  it('reads piped lines to the end: flags demands, answers commands, exits 0', async () => {
    const db = join(tempDir(), 'shell.db');
    const input = ['/group 卫健群 358', '请全体同事今晚十点前完成打卡并截图发群里', '今天中午吃什么？', '统计 本群', '为什么', ''].join('\n');
    const r = await runCli(['start'], { stdin: input, env: { FINGERTIP_DB: db } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('shell: now in group 卫健群 (358 members)');
    const flagged = lines.filter((l) => l.startsWith('flagged: '));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatch(/^flagged: check-in, proof-demand \(check-in\/\S+, proof-demand\/\S+\)$/);
    expect(r.stdout).toMatch(/fingertip \[卫健群\]> 「卫健群」本周（[\d月日—]+）共有 1 条疑似形式主义要求/);
    expect(r.stdout).toMatch(/fingertip \(to me\)> 关于「请全体同事今晚十点前完成打卡并截图发群里」：\n· 打卡签到（规则 check-in\//);
  });

  it('takes a line for a command only when its command word stands alone: 统计表… is chat, and a demand', async () => {
    const db = join(tempDir(), 'shell.db');
    const r = await runCli(['start'], {
      stdin: ['统计表今天下班前必须全部填好交上来', '为什么又要填表？', '统计 本群', ''].join('\n'),
      env: { FINGERTIP_DB: db },
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^flagged: data-request /);
    expect(lines[1]).toMatch(/^fingertip \[local\]> 「local」本周（[\d月日—]+）共有 1 条疑似形式主义要求/);
  });

  it('fed the same input again, answers again but does not file a lead twice', async () => {
    const db = join(tempDir(), 'shell.db');
    const input = '反映 街道要求每户每天点赞三次\nstats\n';
    const first = await runCli(['start'], { stdin: input, env: { FINGERTIP_DB: db } });
    const again = await runCli(['start'], { stdin: input, env: { FINGERTIP_DB: db } });
    expect([first.code, again.code]).toEqual([0, 0]);
    for (const r of [first, again]) expect(r.stdout).toMatch(/You this week/);
    const raw = await Db.open(db, 5000);
    try {
      expect(await raw.get<{ n: number }>('SELECT count(*) AS n FROM leads')).toEqual({ n: 1 });
    } finally {
      await raw.close();
    }
  });

  it('fed the same input again an hour later, still files its lead once', async () => {
    const db = join(tempDir(), 'shell.db');
    const input = '反映 街道要求每户每天点赞三次\n';
    // Only the clock the shell times its lines by: timers run as ever.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.UTC(2026, 10, 24, 2, 0));
      const first = await runCli(['start'], { stdin: input, env: { FINGERTIP_DB: db } });
      vi.setSystemTime(Date.UTC(2026, 10, 24, 3, 0));
      const again = await runCli(['start'], { stdin: input, env: { FINGERTIP_DB: db } });
      expect([first.code, again.code]).toEqual([0, 0]);
    } finally {
      vi.useRealTimers();
    }
    const raw = await Db.open(db, 5000);
    try {
      expect(await raw.all('SELECT text, ts FROM leads')).toEqual([{ text: '街道要求每户每天点赞三次', ts: Date.UTC(2026, 10, 24, 2, 0) }]);
    } finally {
      await raw.close();
    }
  });

  it('exits 1 when lines could not be stored, each error on stderr, and keeps what was stored', async () => {
    const db = join(tempDir(), 'shell.db');
    await runCli(['start'], { stdin: '请大家今晚十点前完成打卡\n', env: { FINGERTIP_DB: db } });
    const raw = await Db.open(db, 5000);
    // SQLite refusing every new message, as a full disk would.
    await raw.exec("CREATE TRIGGER no_room BEFORE INSERT ON messages BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END");
    await raw.close();
    const r = await runCli(['start'], { stdin: '请各位明天上午十点前填报统计表\n今天吃什么\nstats group\n', env: { FINGERTIP_DB: db } });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/error|flagged/);
    expect(r.stdout).toMatch(/local this week \([^)]+\): 1 possible formalism demand/);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    // Each names its line, as the shell's other errors do.
    expect(errors.slice(0, 2)).toEqual([
      expect.stringMatching(/^shell: error: <stdin>:1: .*disk is full/),
      expect.stringMatching(/^shell: error: <stdin>:2: .*disk is full/),
    ]);
    expect(errors[2]).toBe('fingertip start: 2 input lines were not handled (the errors above say why)');
  });

  it('refuses a piped line that is not UTF-8 (GBK), naming it, stores nothing of it, and goes on', async () => {
    const db = join(tempDir(), 'shell.db');
    // 请大家今晚十点前完成打卡 in GBK on line 2, the /as on line 3 too: neither is read as U+FFFD.
    const gbk = Buffer.from('c7ebb4f3bcd2bdf1cded', 'hex');
    const stdin = Buffer.concat([Buffer.from('今天吃什么\n'), gbk, Buffer.from('\n/as '), gbk, Buffer.from('\n请各位明天上午十点前填报统计表\n')]);
    const r = await runCli(['start'], { stdin, env: { FINGERTIP_DB: db } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'shell: error: <stdin>:2: not UTF-8 text (an export saved in another encoding, such as GBK: save it as UTF-8)',
      'shell: error: <stdin>:3: not UTF-8 text (an export saved in another encoding, such as GBK: save it as UTF-8)',
      'fingertip start: 2 input lines were not handled (the errors above say why)',
    ]);
    expect(r.stdout).not.toMatch(/now speaking as/);
    const raw = await Db.open(db, 5000);
    try {
      // Only the two UTF-8 lines, both from the first member (the /as was not taken); the demand's text is kept.
      const rows = await raw.all<{ text: string | null; sender: string }>("SELECT text, sender_id AS sender FROM messages WHERE platform = 'shell'");
      expect(rows).toHaveLength(2);
      expect(rows.map((row) => row.sender)).toEqual(['me', 'me']);
      expect(rows.map((row) => row.text)).toContain('请各位明天上午十点前填报统计表');
    } finally {
      await raw.close();
    }
  });

  it('refuses a piped line past 1 MiB, naming it, stores nothing of it, and goes on', async () => {
    const db = join(tempDir(), 'shell.db');
    // A demand repeated past 1 MiB: no chat message is that long, and it was stored cut to 65,536 characters.
    const stdin = ['今天吃什么', '请大家今晚十点前完成打卡'.repeat(50_000), '请各位明天上午十点前填报统计表', ''].join('\n');
    const r = await runCli(['start'], { stdin, env: { FINGERTIP_DB: db } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'shell: error: <stdin>:2: line longer than 1 MiB',
      'fingertip start: 1 input line was not handled (the errors above say why)',
    ]);
    const raw = await Db.open(db, 5000);
    try {
      // The lines either side of it, the demand's text kept.
      const rows = await raw.all<{ text: string | null }>("SELECT text FROM messages WHERE platform = 'shell'");
      expect(rows).toHaveLength(2);
      expect(rows.map((row) => row.text)).toContain('请各位明天上午十点前填报统计表');
    } finally {
      await raw.close();
    }
  });

  it('keeps what it stored across runs on the same file', async () => {
    const db = join(tempDir(), 'shell.db');
    await runCli(['start'], { stdin: '请大家今晚十点前完成打卡\n', env: { FINGERTIP_DB: db } });
    const r = await runCli(['start'], { stdin: '/as 张三\nstats group\n', env: { FINGERTIP_DB: db } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/local this week \([^)]+\): 1 possible formalism demand/);
  });

  it("gives a member who spoke in the group their own burden: the others' demands", async () => {
    const db = join(tempDir(), 'shell.db');
    const r = await runCli(['start'], { stdin: '请大家今晚十点前完成打卡\n/as 张三\nstats\n/as me\nstats\n', env: { FINGERTIP_DB: db } });
    expect(r.stdout).toMatch(/fingertip \(to 张三\)> You this week \([^)]+\): 1 possible formalism demand/);
    expect(r.stdout).toMatch(/fingertip \(to me\)> You this week \([^)]+\): no demands flagged/);
  });

  it('switches member with /as, and only the first member is an admin', async () => {
    const db = join(tempDir(), 'shell.db');
    const r = await runCli(['start'], { stdin: '/as 张三\n设置 模式 提醒\n', env: { FINGERTIP_DB: db } });
    expect(r.stdout).toContain('fingertip (to 张三)> 只有群主或群管理员可以修改设置。');
    const admin = await runCli(['start'], { stdin: 'config mode nudge\n请大家今晚十点前完成打卡\n', env: { FINGERTIP_DB: db } });
    expect(admin.stdout).toContain('fingertip (to me)> Saved: mode nudge');
    expect(admin.stdout).toMatch(/fingertip \[local\]> 提示：这条消息可能属于/);
  });

  it('at a terminal: shows the help and a prompt a line, and a line typed again in a new session is a new message', async () => {
    const db = join(tempDir(), 'shell.db');
    const session = async () => {
      const stdin = Object.assign(Readable.from(['请大家今晚十点前完成打卡\n']), { isTTY: true });
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      const code = await main(['start'], { stdin, stdout, stderr: new PassThrough(), env: { FINGERTIP_DB: db }, cwd: process.cwd() });
      return { code, out };
    };
    const first = await session();
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^shell: type messages[^]*\nlocal \| me> flagged: check-in \(check-in\/\S+\)\nlocal \| me> $/);
    await session();
    const raw = await Db.open(db, 5000);
    expect(await raw.get('SELECT count(*) AS n FROM messages')).toEqual({ n: 2 });
    await raw.close();
  });

  it('names an unknown adapter with exit 2', async () => {
    const r = await runCli(['start', '--adapter', 'carrier-pigeon'], { env: { FINGERTIP_DB: join(tempDir(), 'x.db') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--adapter carrier-pigeon: unknown adapter \(known: shell, slack, wechaty/);
  });
});
