import { InputError, WorkError } from '../../../src/core/errors.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  openSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { EvidenceWriter } from '../../../src/audit/evidence/evidence-writer.js';
import { Pseudonyms } from '../../../src/core/pseudonyms.js';
import type { MessageRecord } from '../../../src/core/message-record.js';
import { tempDir } from '../../support/temp-dir.js';
import { type ChildCli, childCli, runChild } from '../support/child-cli.js';

let cli: ChildCli;
beforeAll(() => {
  cli = childCli();
});
afterAll(() => cli?.remove());

const record: MessageRecord = {
  platform: 'wechat',
  id: '12/2',
  groupId: '12',
  groupName: '张主任的通知群',
  senderId: 'wxid_zhang',
  senderName: '张主任',
  ts: Date.UTC(2026, 10, 23, 13, 5),
  length: 30,
  hash: 'h',
  replyTo: null,
  isAck: false,
  mentionsAll: true,
  recipients: 0,
  categories: ['check-in', 'proof-demand'],
  findings: [
    { rule: 'check-in/zh-deadline-clock-in', category: 'check-in', span: [9, 13], match: '完成打卡' },
    { rule: 'proof-demand/zh-screenshot', category: 'proof-demand', span: [14, 16], match: '截图' },
  ],
  text: '@所有人 张主任：今晚十点前完成打卡并截图, 发"群"里 @李老师',
  deadline: 22 * 60,
};

/** How many bytes the evidence spool a child process holds open has (0 before it has one), seen through Linux's /proc. */
function spoolBytes(pid: number): number {
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const link = `/proc/${pid}/fd/${fd}`;
      if (readlinkSync(link).includes('fingertip-evidence-')) return statSync(link).size;
    }
  } catch {
    // Ended, or a descriptor closed between the looks.
  }
  return 0;
}

describe('EvidenceWriter', () => {
  it('writes a row per finding with pseudonyms (even for names met later), the local date, and recipients from the final group size', async () => {
    const path = join(tempDir(), 'evidence.csv');
    const w = await EvidenceWriter.create(path);
    await w.add(record);
    await w.add({ ...record, id: '12/9', recipients: 7, findings: [record.findings[0]], text: '李老师: 今天也要打卡' });
    const people = new Pseudonyms([
      { id: 'wxid_zhang', names: ['张主任'] },
      { id: 'wxid_li', names: ['李老师'] },
    ]);
    await w.finish(people, (platform, id) => (platform === 'wechat' && id === '12' ? { name: '张主任的通知群', members: 4 } : undefined), 'Asia/Shanghai');
    await w.commit();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(bytes.subarray(3)) as string[][];
    // It starts with @, which spreadsheets would read as a formula: hence the apostrophe.
    const text = '\'@所有人 Member 1：今晚十点前完成打卡并截图, 发"群"里 @Member 2';
    expect(rows).toEqual([
      ['date', 'group', 'category', 'rule', 'demand text', 'recipients'],
      ['2026-11-23T21:05:00+08:00', 'Member 1的通知群', 'check-in', 'check-in/zh-deadline-clock-in', text, '3'],
      ['2026-11-23T21:05:00+08:00', 'Member 1的通知群', 'proof-demand', 'proof-demand/zh-screenshot', text, '3'],
      ['2026-11-23T21:05:00+08:00', 'Member 1的通知群', 'check-in', 'check-in/zh-deadline-clock-in', 'Member 2: 今天也要打卡', '7'],
    ]);
    expect(w.rows).toBe(3);
  });

  it('refuses at once, in one line naming the file, a path it cannot write', async () => {
    const path = join(tempDir(), 'no-such-folder', 'evidence.csv');
    await expect(EvidenceWriter.create(path)).rejects.toThrow(/^--evidence .*no-such-folder\/evidence\.csv: cannot write \(ENOENT\)$/);
  });

  it('leaves no file behind when the audit is abandoned', async () => {
    const path = join(tempDir(), 'evidence.csv');
    const w = await EvidenceWriter.create(path);
    await w.add(record);
    w.abandon();
    expect(existsSync(path)).toBe(false);
  });

  it('leaves an earlier bundle at the path as it was when the audit is abandoned, and replaces it whole, readable as it was, when it finishes', async () => {
    const path = join(tempDir(), 'evidence.csv');
    writeFileSync(path, 'last week\n');
    // Demand texts: kept from the rest of the machine's users, the new bundle as the old one.
    chmodSync(path, 0o600);
    const w = await EvidenceWriter.create(path);
    await w.add(record);
    w.abandon();
    expect(readFileSync(path, 'utf8')).toBe('last week\n');
    const again = await EvidenceWriter.create(path);
    expect(readFileSync(path, 'utf8')).toBe('last week\n');
    await again.add(record);
    await again.finish(new Pseudonyms([]), () => undefined, 'Asia/Shanghai');
    // Written, the bundle waits beside FILE until the report is written too.
    expect(readFileSync(path, 'utf8')).toBe('last week\n');
    await again.commit();
    expect(readFileSync(path, 'utf8')).toMatch(/^\uFEFFdate,group,category,rule,demand text,recipients\r?\n/);
    expect(readdirSync(dirname(path))).toEqual(['evidence.csv']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('fails with one line, not a wait for ever, when the bundle cannot be opened or written, keeping FILE', async () => {
    for (const [why, block] of [
      ['EISDIR', (part: string) => mkdirSync(part)], // the place it is written first cannot be opened
      ['ENOSPC', (part: string) => symlinkSync('/dev/full', part)], // or is a disk that is always full
    ] as const) {
      const path = join(tempDir(), 'evidence.csv');
      writeFileSync(path, 'last week\n');
      const w = await EvidenceWriter.create(path);
      for (let i = 0; i < 2000; i++) await w.add({ ...record, id: `12/${i}` });
      block(`${path}.${process.pid}.part`);
      const err = await w.finish(new Pseudonyms([]), () => undefined, 'Asia/Shanghai').catch((e: unknown) => e);
      expect((err as Error).message, why).toMatch(new RegExp(`^--evidence .*evidence\\.csv: cannot write \\(${why}\\)$`));
      // A full disk is the work failing (exit 1); a path that cannot be written, bad input (exit 2).
      expect(err, why).toBeInstanceOf(why === 'ENOSPC' ? WorkError : InputError);
      expect(readFileSync(path, 'utf8')).toBe('last week\n');
    }
  }, 30_000);

  it('leaves FILE as it was, not there, and nothing of the spool of raw texts when the audit is interrupted (Ctrl-C) or killed', async () => {
    const dir = tempDir();
    const line = (i: number) => JSON.stringify({ id: String(i), group_id: 'G', sender_id: 'U1', ts: 1763258400 + i, text: '请大家今晚十点前完成打卡并截图' });
    writeFileSync(join(dir, 'chat.jsonl'), Array.from({ length: 50_000 }, (_, i) => line(i)).join('\n'));
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      const tmp = join(dir, `tmp-${signal}`);
      mkdirSync(tmp);
      const csv = join(dir, 'evidence.csv');
      const child = spawn(process.execPath, [cli.bin, 'audit', join(dir, 'chat.jsonl'), '--evidence', csv], {
        env: { ...process.env, TMPDIR: tmp },
        stdio: 'ignore',
      });
      const ended = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
      // Stopped once demands are in the spool, well before the audit's end.
      while (spoolBytes(child.pid!) === 0 && child.exitCode === null) await sleep(20);
      expect(child.exitCode, signal).toBeNull();
      expect(existsSync(csv), signal).toBe(false);
      child.kill(signal);
      expect(await ended, signal).toEqual([null, signal]);
      expect(existsSync(csv), signal).toBe(false);
      expect(readdirSync(tmp), signal).toEqual([]);
    }
  }, 60_000);

  it('writes through a link (as /dev/stdout is) or a pipe, as --out does, never putting a file in its place', async () => {
    const dir = tempDir({ 'chat.jsonl': JSON.stringify({ id: '1', group_id: 'G', sender_id: 'U1', ts: 1763258400, text: '请大家今晚十点前完成打卡并截图' }) });
    const header = '\uFEFFdate,group,category,rule,demand text,recipients\r\n';
    // A link to the audit's own standard output, as /dev/stdout is, in a scratch folder; that output a
    // shell's pipe (a socket, as a child's 'pipe' is, cannot be opened through /proc).
    symlinkSync('/proc/self/fd/1', join(dir, 'stdout'));
    const args = ['audit', join(dir, 'chat.jsonl'), '--out', join(dir, 'r1.json'), '--evidence', join(dir, 'stdout')];
    const viaLink = spawnSync('sh', ['-c', '"$@" | cat', 'sh', process.execPath, cli.bin, ...args], { encoding: 'utf8', timeout: 30_000 });
    expect(viaLink.status, viaLink.stderr).toBe(0);
    expect(viaLink.stdout.startsWith(header)).toBe(true);
    expect(viaLink.stdout).toContain('请大家今晚十点前完成打卡并截图');
    expect(lstatSync(join(dir, 'stdout')).isSymbolicLink()).toBe(true);
    // Standard output appending to a log (`>> log`): the bundle follows what the log held.
    writeFileSync(join(dir, 'log'), 'earlier\n');
    const log = openSync(join(dir, 'log'), 'a');
    try {
      const appended = spawnSync(process.execPath, [cli.bin, ...args], { stdio: ['ignore', log, 'pipe'], encoding: 'utf8', timeout: 30_000 });
      expect(appended.status, appended.stderr).toBe(0);
    } finally {
      closeSync(log);
    }
    expect(readFileSync(join(dir, 'log'), 'utf8')).toMatch(new RegExp(`^earlier\n${header}`));
    // A named pipe, read from before the audit starts: checking it beforehand must not end its reading.
    const fifo = join(dir, 'evidence.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    reader.stdout.setEncoding('utf8').on('data', (d: string) => (read += d));
    const readerDone = once(reader, 'close');
    const viaPipe = await runChild(cli.bin, ['audit', join(dir, 'chat.jsonl'), '--out', join(dir, 'r2.json'), '--evidence', fifo], 256, 30_000);
    // A reader that ended early leaves the audit waiting for another: killed here, not left behind.
    reader.kill();
    await readerDone;
    expect(viaPipe.code, viaPipe.stderr).toBe(0);
    expect(read.startsWith(header)).toBe(true);
    expect(read).toContain('请大家今晚十点前完成打卡并截图');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['chat.jsonl', 'evidence.fifo', 'log', 'r1.json', 'r2.json', 'stdout']);
  }, 70_000);

  it('stops on Ctrl-C while it waits for a reader of its pipe', async () => {
    const dir = tempDir({ 'chat.jsonl': JSON.stringify({ id: '1', group_id: 'G', sender_id: 'U1', ts: 1763258400, text: '请大家今晚十点前完成打卡并截图' }) });
    const fifo = join(dir, 'evidence.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [cli.bin, 'audit', join(dir, 'chat.jsonl'), '--out', join(dir, 'r.json'), '--evidence', fifo], { stdio: 'ignore' });
    const ended = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
    // No one reads the pipe: the audit waits at its end, for the report is written after the bundle.
    await sleep(3000);
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    const stopped = await Promise.race([ended, sleep(10_000).then(() => 'still running' as const)]);
    if (stopped === 'still running') child.kill('SIGKILL');
    expect(stopped).not.toBe('still running');
  }, 30_000);

  it('reports a spool that failed after a write was buffered (a full temporary disk) in one line, without crashing the process', async () => {
    const path = join(tempDir(), 'evidence.csv');
    const w = await EvidenceWriter.create(path);
    await w.add(record);
    // What the stream does when the disk under the temporary folder fills after it accepted a write.
    (w as unknown as { spool: NodeJS.EventEmitter }).spool.emit('error', Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
    await expect(w.add(record)).rejects.toThrow(/^--evidence .*evidence\.csv: the bundle's spool: cannot write \(ENOSPC\)$/);
    await expect(w.finish(new Pseudonyms([]), () => undefined, 'Asia/Shanghai')).rejects.toThrow(WorkError);
  });
});
