import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Report } from '../../src/analysis/report/report.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { childCli } from './support/child-cli.js';
import { fixture } from './support/read-all.js';
import { zipOf } from './support/zip.js';

describe('fingertip audit', () => {
  it('prints the contract JSON report of the exports named', async () => {
    const r = await runCli(['audit', fixture('contract.jsonl'), fixture('chatlab/年级组.jsonl')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.messages).toBe(4 + 4);
    expect(report.groups.map((g) => g.id).sort()).toEqual(['38988428513@chatroom', 'C01', 'C02']);
    expect(Object.keys(report.by_category)).toHaveLength(7);
    expect(report).not.toHaveProperty('skipped_entries');
  });

  it('writes Markdown or HTML to --out, the format following the extension, and says what it wrote', async () => {
    const dir = tempDir();
    const md = join(dir, 'report.md');
    const r = await runCli(['audit', fixture('wechatmsg/教务通知群_utf8.csv'), '--out', md]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fingertip audit: ${md}: 6 messages, 1 demand, 1 group\n`);
    expect(readFileSync(md, 'utf8')).toContain('教务通知群');
    const html = join(dir, 'report.out');
    expect((await runCli(['audit', fixture('slack'), '--format', 'html', '--out', html])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('says on stderr, exiting 0, when --out is named for another format than the report it holds', async () => {
    const dir = tempDir();
    const csv = join(dir, 'r.csv');
    const r = await runCli(['audit', fixture('wechatmsg/教务通知群_utf8.csv'), '--out', csv]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(csv, 'utf8'))).toHaveProperty('messages', 6);
    expect(r.stderr).toBe(
      `fingertip audit: ${csv}: 6 messages, 1 demand, 1 group\n` +
        `fingertip audit: ${csv}: written as JSON, not CSV (--format json|md|html chooses); for CSV evidence use --evidence FILE\n`,
    );
    const md = join(dir, 'r.md');
    const html = await runCli(['audit', fixture('wechatmsg/教务通知群_utf8.csv'), '--format', 'html', '--out', md]);
    expect([html.code, html.stderr.split('\n')[1]]).toEqual([0, `fingertip audit: ${md}: written as HTML, not Markdown (--format md writes Markdown)`]);
  });

  it('writes the report named .markdown, .mdown and the like as Markdown, as .htm is HTML', async () => {
    const dir = tempDir();
    for (const name of ['r.markdown', 'r.mdown', 'r.mkd', 'r.MKDN', 'r.mdwn', 'r.htm']) {
      const out = join(dir, name);
      const r = await runCli(['audit', fixture('wechatmsg/教务通知群_utf8.csv'), '--out', out]);
      expect([r.code, r.stderr], name).toEqual([0, `fingertip audit: ${out}: 6 messages, 1 demand, 1 group\n`]);
      expect(readFileSync(out, 'utf8'), name).toMatch(name === 'r.htm' ? /^<!DOCTYPE html>/ : /^# /);
    }
  });

  it('writes --out - to standard output, as classify reads - from standard input, and refuses --evidence -', async () => {
    // Relative to the process's folder, which a file named - written by mistake is removed from.
    const named = existsSync('-');
    try {
      const r = await runCli(['audit', fixture('wechatmsg/教务通知群_utf8.csv'), '--out', '-']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(JSON.parse(r.stdout)).toHaveProperty('messages', 6);
      const both = await runCli(['audit', fixture('wechatmsg/教务通知群_utf8.csv'), '--out', '-', '--evidence', '-']);
      expect([both.code, both.stdout, both.stderr]).toEqual([
        2,
        '',
        'fingertip audit: --evidence -: the evidence is written to a file; name one (standard output holds the report)\n',
      ]);
      expect(existsSync('-')).toBe(named);
    } finally {
      if (!named) rmSync('-', { force: true });
    }
  });

  it('says in one line that a pipe, or - for standard input, is no export it reads, rather than an empty file', async () => {
    const fifo = join(tempDir(), 'export.jsonl');
    execFileSync('mkfifo', [fifo]);
    const piped = await runCli(['audit', fifo]);
    expect([piped.code, piped.stderr]).toEqual([2, `fingertip audit: ${fifo}: not a file (a pipe or device); save the export to a file and name that\n`]);
    const dash = await runCli(['audit', '-'], { stdin: readFileSync(fixture('contract.jsonl')) });
    expect([dash.code, dash.stderr]).toEqual([
      2,
      'fingertip audit: audit -: standard input is not read; save the export to a file and name that (… > export.jsonl)\n',
    ]);
  });

  it('exits 2 with one line naming the file and line of bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['audit', fixture('contract-broken.jsonl')], /^fingertip audit: .*contract-broken\.jsonl:2: invalid JSON \(.*\)\n$/],
      [
        ['audit', fixture('wechatmsg-broken/教务通知群_utf8.csv')],
        /^fingertip audit: .*教务通知群_utf8\.csv:4: Invalid Record Length: columns length is 12, got 8\n$/,
      ],
      [
        ['audit', fixture('chatlab-broken/truncated.json')],
        /^fingertip audit: .*truncated\.json: messages\[4\]: truncated: the file ends before the document does\n$/,
      ],
      [['audit', fixture('unknown.txt')], /^fingertip audit: .*unknown\.txt: unknown export format; expected .*\n$/],
      [['audit'], /^fingertip audit: name at least one EXPORT .*\n$/],
      [['audit', fixture('contract.jsonl'), '--format', 'pdf'], /^fingertip audit: --format: expected json, md or html, got "pdf"\n$/],
    ];
    for (const [argv, stderr] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(stderr);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 naming a corrupt zip', async () => {
    const zip = join(tempDir(), 'export.zip');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]));
    const r = await runCli(['audit', zip]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fingertip audit: .*export\.zip: corrupt zip \(.*\)\n$/);
  });

  it('with --skip-bad reports each broken entry, counts them in the report and exits 0', async () => {
    const r = await runCli(['audit', fixture('contract-broken.jsonl'), '--skip-bad']);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^fingertip audit: skipped .*contract-broken\.jsonl:2: invalid JSON/),
      expect.stringMatching(/^fingertip audit: skipped .*contract-broken\.jsonl:3: ts "2026-11-24 09:30"/),
    ]);
    const report = JSON.parse(r.stdout) as Report & { skipped_entries: number };
    expect(report.skipped_entries).toBe(2);
    expect(report.messages).toBe(2);
    const md = await runCli(['audit', fixture('contract-broken.jsonl'), '--skip-bad', '--format', 'md']);
    expect(md.stdout).toContain('2 broken entries were skipped (--skip-bad)');
  });

  it('writes the anonymised evidence bundle of --evidence', async () => {
    const csv = join(tempDir(), 'evidence.csv');
    const r = await runCli(['audit', fixture('chatlab/年级组.json'), '--evidence', csv]);
    expect(r.code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFdate,group,category,rule,demand text,recipients');
    expect(r.stderr).toMatch(new RegExp(`evidence\\.csv: ${text.trim().split('\r\n').length - 1} evidence rows\\n$`));
  });

  it('leaves an earlier evidence bundle as it was when --out cannot be written', async () => {
    const dir = tempDir();
    const csv = join(dir, 'evidence.csv');
    writeFileSync(csv, 'earlier');
    const r = await runCli(['audit', fixture('chatlab/年级组.json'), '--evidence', csv, '--out', join(dir, 'missing', 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fingertip audit: --out .*missing\/r\.json: cannot write \(ENOENT\)\n$/);
    expect(readFileSync(csv, 'utf8')).toBe('earlier');
  });

  it('leaves an earlier evidence bundle as it was when the report cannot be written at the end (a full disk)', async () => {
    const csv = join(tempDir(), 'evidence.csv');
    writeFileSync(csv, 'earlier');
    const r = await runCli(['audit', fixture('chatlab/年级组.json'), '--evidence', csv, '--out', '/dev/full']);
    expect([r.code, r.stderr]).toEqual([1, 'fingertip audit: --out /dev/full: cannot write (ENOSPC); an earlier file there is as it was\n']);
    expect(readFileSync(csv, 'utf8')).toBe('earlier');
    expect(readdirSync(dirname(csv))).toEqual(['evidence.csv']);
  });

  it('refuses, before writing anything, an --out or --evidence that is an export read or both the same file', async () => {
    const dir = tempDir();
    const input = join(dir, 'chat.jsonl');
    copyFileSync(fixture('contract.jsonl'), input);
    symlinkSync(input, join(dir, 'link.jsonl'));
    // A link to a file not there yet is the file writing through it makes.
    symlinkSync('later.csv', join(dir, 'ahead'));
    const before = readFileSync(input, 'utf8');
    const cases: [string[], string][] = [
      [['--out', relative(process.cwd(), input)], `--out ${relative(process.cwd(), input)}: is an export this audit reads`],
      [['--evidence', join(dir, 'link.jsonl')], `--evidence ${join(dir, 'link.jsonl')}: is an export this audit reads`],
      [['--out', join(dir, 'r.md'), '--evidence', `${dir}/./r.md`], `--evidence ${dir}/./r.md: the same file as --out`],
      [['--out', join(dir, 'ahead'), '--evidence', join(dir, 'later.csv')], `--evidence ${join(dir, 'later.csv')}: the same file as --out`],
      [['--out', join(dir, 'later.csv'), '--evidence', join(dir, 'ahead')], `--evidence ${join(dir, 'ahead')}: the same file as --out`],
    ];
    for (const [options, error] of cases) {
      const r = await runCli(['audit', input, ...options]);
      expect(r.code, options.join(' ')).toBe(2);
      expect(r.stderr).toBe(`fingertip audit: ${error}; name another file\n`);
      expect(readFileSync(input, 'utf8')).toBe(before);
    }
    expect(existsSync(join(dir, 'r.md'))).toBe(false);
    expect(existsSync(join(dir, 'later.csv'))).toBe(false);
  });

  it('refuses, before writing anything, an --evidence that is standard output while the report goes there', () => {
    const child = childCli();
    const cli = [process.execPath, child.bin, 'audit', fixture('chatlab/年级组.json')];
    const refused = (evidence: string) =>
      `fingertip audit: --evidence ${evidence}: the same file as standard output, where the report goes (--out FILE writes it elsewhere); name another file\n`;
    const file = join(tempDir(), 'both.csv');
    const fd = openSync(file, 'w');
    try {
      // Through a shell's pipe, as `fingertip audit … | less` writes: the CSV and the report followed each other in it.
      const cases: [string[], string][] = [
        [['--evidence', '/dev/stdout'], refused('/dev/stdout')],
        [['--evidence', '/dev/fd/1'], refused('/dev/fd/1')],
        [['--evidence', '/proc/self/fd/1'], refused('/proc/self/fd/1')],
        [['--evidence', '/dev/stdout', '--out', '-'], refused('/dev/stdout')],
        [['--out', '/dev/stdout', '--evidence', '/dev/fd/1'], 'fingertip audit: --evidence /dev/fd/1: the same file as --out; name another file\n'],
      ];
      for (const [options, error] of cases) {
        const r = spawnSync('bash', ['-c', 'set -o pipefail; "$@" | cat', 'bash', ...cli, ...options], { encoding: 'utf8', timeout: 30_000 });
        expect([r.status, r.stdout, r.stderr], options.join(' ')).toEqual([2, '', error]);
      }
      // Standard output redirected to the file --evidence names.
      const r = spawnSync(cli[0]!, [...cli.slice(1), '--evidence', file], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 30_000 });
      expect([r.status, r.stderr]).toEqual([2, refused(file)]);
      // Both thrown away is no mix: a script that wants only the exit code.
      const discard = openSync('/dev/null', 'w');
      try {
        const quiet = spawnSync(cli[0]!, [...cli.slice(1), '--evidence', '/dev/null'], {
          stdio: ['ignore', discard, 'pipe'],
          encoding: 'utf8',
          timeout: 30_000,
        });
        expect([quiet.status, quiet.stderr]).toEqual([0, 'fingertip audit: /dev/null: 2 evidence rows\n']);
      } finally {
        closeSync(discard);
      }
    } finally {
      closeSync(fd);
      child.remove();
    }
    expect(readFileSync(file, 'utf8')).toBe('');
  }, 120_000);

  it('refuses --evidence /dev/tty when the report goes to that terminal', () => {
    const child = childCli();
    try {
      // `script` runs the audit on a terminal of its own, its controlling terminal and standard output both.
      const audit = [process.execPath, child.bin, 'audit', fixture('chatlab/年级组.json'), '--evidence', '/dev/tty'].map((a) => `'${a}'`).join(' ');
      const r = spawnSync('script', ['-qec', audit, '/dev/null'], { encoding: 'utf8', timeout: 30_000 });
      expect([r.status, r.stdout.trim()]).toEqual([
        2,
        'fingertip audit: --evidence /dev/tty: the same file as standard output, where the report goes (--out FILE writes it elsewhere); name another file',
      ]);
    } finally {
      child.remove();
    }
  }, 60_000);

  it('exits 1 quietly when the reader of an --out or --evidence of /dev/stdout quits early, as for standard output', () => {
    const child = childCli();
    // Well over a pipe's 64 KiB, in the report and in the bundle: the reader is gone before all is written.
    const lines = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({ id: String(i), group_id: `G${i}`, sender_id: `U${i % 50}`, ts: 1763258400 + i, text: '请大家今晚十点前完成打卡并截图' }),
    );
    const dir = tempDir({ 'chat.jsonl': `${lines.join('\n')}\n` });
    const cli = [process.execPath, child.bin, 'audit', join(dir, 'chat.jsonl')];
    try {
      for (const options of [
        ['--out', '/dev/stdout'],
        ['--evidence', '/dev/stdout', '--out', join(dir, 'r.json')],
      ]) {
        const r = spawnSync('bash', ['-c', 'set -o pipefail; "$@" | head -c1 > /dev/null', 'bash', ...cli, ...options], { encoding: 'utf8', timeout: 30_000 });
        // Before, exit 2 and "cannot write (EPIPE)", as for a path that cannot be written.
        expect([r.status, r.stderr], options.join(' ')).toEqual([1, '']);
      }
    } finally {
      child.remove();
    }
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
  }, 60_000);

  it('leaves a one-to-one WeChatMsg chat out of the groups, and says so on stderr', async () => {
    const dm = join(tempDir(), '王主任_utf8.csv');
    writeFileSync(
      dm,
      'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' +
        '1,wxid_boss,1,0,0,1795439100,2,请大家今晚十点前完成打卡，截图发群里,2026-11-23 21:05:00,王主任,王总,\n',
    );
    const r = await runCli(['audit', fixture('wechatmsg/教务通知群_utf8.csv'), dm]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).groups.map((g) => g.name)).toEqual(['教务通知群']);
    expect(r.stderr).toBe(`fingertip audit: ${dm}: 1 message of a one-to-one chat left out (not a group)\n`);
  });

  it('dates the report of a one-to-one chat alone by its own messages, not by today, in JSON and Markdown', async () => {
    const dir = tempDir();
    const dm = join(dir, '张三_utf8.csv');
    writeFileSync(
      dm,
      '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime\n' +
        '1,wxid_abc,1,0,0,1795568400,2,请你今天填表,2026-11-25 09:00:00\n' +
        '2,wxid_abc,1,0,1,1795741200,2,好的,2026-11-27 09:00:00\n' +
        '3,wxid_abc,1,0,0,yesterday,2,?,\n',
    );
    const json = await runCli(['audit', dm]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect([report.messages, report.period]).toEqual([0, { from: '2026-11-25T00:00:00+08:00', to: '2026-11-28T00:00:00+08:00' }]);
    const md = await runCli(['audit', dm, '--format', 'md', '--lang', 'en']);
    expect(md.stdout).toContain('2026-11-25 00:00 to 2026-11-28 00:00');
  });

  it('dates the report of a Slack export of DMs alone by their messages, not by today, and says how many it left out', async () => {
    const dir = tempDir({
      'users.json': JSON.stringify([{ id: 'U1' }, { id: 'U2' }]),
      'dms.json': JSON.stringify([{ id: 'D01', members: ['U1', 'U2'] }]),
      'D01/2026-11-25.json': JSON.stringify([
        { type: 'message', user: 'U1', text: 'please fill in the form by 5pm today', ts: '1795568400.000100' },
        { type: 'message', user: 'U2', text: 'ok', ts: '1795741200.000100' },
        // A bot's message and a system notice are nobody's; a time Slack never writes dates nothing.
        { type: 'message', bot_id: 'B1', text: 'reminder', ts: '1795000000.000100' },
        { type: 'message', subtype: 'channel_join', user: 'U2', ts: '1795000000.000200' },
        { type: 'message', user: 'U1', text: '?', ts: '-5' },
      ]),
    });
    const r = await runCli(['audit', dir]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect([report.messages, report.period]).toEqual([0, { from: '2026-11-25T00:00:00+08:00', to: '2026-11-28T00:00:00+08:00' }]);
    expect(r.stderr).toBe(`fingertip audit: ${dir}: 3 messages of DMs (one-to-one chats) left out (not a group)\n`);
  });

  it('counts a damaged DM day file, whose text it would not read, rather than stopping the audit', async () => {
    const dir = tempDir({
      'users.json': JSON.stringify([{ id: 'U1' }, { id: 'U2' }]),
      'channels.json': JSON.stringify([{ id: 'C01', name: 'ops', members: ['U1', 'U2'] }]),
      'C01/2026-11-25.json': JSON.stringify([{ type: 'message', user: 'U1', text: '请大家今晚十点前完成打卡并截图', ts: '1795568400.000100' }]),
      'dms.json': JSON.stringify([{ id: 'D01', members: ['U1', 'U2'] }]),
      'D01/2026-11-24.json': '[{"type":"message","user":"U1","text":"x","ts":"1795439100.000100"}, {broken',
    });
    const r = await runCli(['audit', dir]);
    expect([r.code, (JSON.parse(r.stdout) as Report).demands]).toEqual([0, 1]);
    expect(r.stderr).toBe(
      `fingertip audit: ${dir}: 1 message of DMs (one-to-one chats) left out (not a group)\nfingertip audit: ${dir}: 1 DM day file damaged, left out too\n`,
    );
    // DMs alone, all damaged: the report is dated by the files' days, not today.
    const alone = tempDir({
      'users.json': JSON.stringify([{ id: 'U1' }, { id: 'U2' }]),
      'dms.json': JSON.stringify([{ id: 'D01', members: ['U1', 'U2'] }]),
      'D01/2026-11-24.json': '{broken',
    });
    const a = await runCli(['audit', alone]);
    expect([a.code, (JSON.parse(a.stdout) as Report).period]).toEqual([0, { from: '2026-11-24T00:00:00+08:00', to: '2026-11-25T00:00:00+08:00' }]);
  });

  it('reads a day file zipped twice alike once, and counts a DM day zipped twice unlike as damaged, naming it', async () => {
    const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
    const day = json([{ type: 'message', user: 'U1', text: '请大家今晚十点前完成打卡并截图', ts: '1795568400.000100' }]);
    const dm = json([{ type: 'message', user: 'U1', text: 'x', ts: '1795439100.000100' }]);
    const zip = (...days: [string, Buffer][]): string => {
      const path = join(tempDir(), 'export.zip');
      const lists: [string, Buffer][] = [
        ['users.json', json([{ id: 'U1' }, { id: 'U2' }])],
        ['channels.json', json([{ id: 'C01', name: 'ops', members: ['U1', 'U2'] }])],
        ['dms.json', json([{ id: 'D01', members: ['U1', 'U2'] }])],
      ];
      writeFileSync(path, zipOf([...lists, ...days].map(([name, data]) => [`export/${name}`, data])));
      return path;
    };
    // The same bytes twice, a channel's day and a DM's: one file each, read once.
    const alike = await runCli([
      'audit',
      zip(['ops/2026-11-25.json', day], ['ops/2026-11-25.json', day], ['D01/2026-11-24.json', dm], ['D01/2026-11-24.json', dm]),
    ]);
    expect([alike.code, (JSON.parse(alike.stdout) as Report).demands, alike.stderr]).toEqual([
      0,
      1,
      expect.stringMatching(/: 1 message of DMs \(one-to-one chats\) left out \(not a group\)\n$/),
    ]);
    // A DM day given twice unlike: which is the export's cannot be told, and its text is never read anyway.
    const path = zip(['ops/2026-11-25.json', day], ['D01/2026-11-24.json', dm], ['D01/2026-11-24.json', json([])]);
    const unlike = await runCli(['audit', path]);
    expect([unlike.code, (JSON.parse(unlike.stdout) as Report).demands]).toEqual([0, 1]);
    expect(unlike.stderr).toBe(
      `fingertip audit: ${path}: D01/2026-11-24.json: a second entry of this DM day in the zip, unlike the first; left out as damaged\n` +
        `fingertip audit: ${path}: 1 DM day file damaged, left out too\n`,
    );
  });

  it('says how many messages it read twice when exports overlap, and counts them once', async () => {
    const once = await runCli(['audit', fixture('contract.jsonl')]);
    const twice = await runCli(['audit', fixture('contract.jsonl'), fixture('contract.jsonl')]);
    expect(JSON.parse(twice.stdout)).toEqual(JSON.parse(once.stdout));
    const n = (JSON.parse(once.stdout) as Report).messages;
    expect(twice.stderr).toBe(`fingertip audit: ${n} messages read twice (the same id in exports that overlap) counted once\n`);
  });
});
