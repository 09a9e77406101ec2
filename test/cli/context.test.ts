import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childCli } from '../audit/support/child-cli.js';
import { tempDir } from '../support/temp-dir.js';

const cli = childCli();
afterAll(() => cli.remove());

describe('the CLI process', () => {
  it('stops quietly with exit 1 when the reader of its output goes away (| head)', async () => {
    const input = join(tempDir(), 'many.jsonl');
    writeFileSync(input, `${JSON.stringify({ text: '请大家今晚十点前完成打卡并截图发群里' })}\n`.repeat(20_000));
    const child = spawn(process.execPath, [cli.bin, 'classify', input], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  }, 60_000);

  it("leaves an earlier --evidence file as it was, and nothing beside it, when the report's reader went away: exit 1", async () => {
    const input = join(import.meta.dirname, '../fixtures/exports/contract.jsonl');
    for (const out of [[], ['--out', '-']]) {
      const dir = tempDir();
      const evidence = join(dir, 'evidence.csv');
      writeFileSync(evidence, 'the earlier bundle\n');
      const child = spawn(process.execPath, [cli.bin, 'audit', input, ...out, '--evidence', evidence], { stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before the audit writes anything: its report cannot be delivered.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect([code, stderr]).toEqual([1, '']);
      expect(readFileSync(evidence, 'utf8')).toBe('the earlier bundle\n');
      expect(readdirSync(dir)).toEqual(['evidence.csv']);
    }
  }, 60_000);

  it('says in one line, exit 1, that its output cannot be written to a full disk', async () => {
    const input = join(tempDir(), 'one.jsonl');
    writeFileSync(input, `${JSON.stringify({ text: '请大家今晚十点前完成打卡并截图发群里' })}\n`);
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [cli.bin, 'classify', input], { stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('fingertip: standard output: cannot write (ENOSPC)\n');
    expect(code).toBe(1);
  }, 60_000);

  it('says in one line, exit 1, that a file it is redirected to took only part of one write (a file size limit)', () => {
    const input = join(import.meta.dirname, '../fixtures/exports/contract.jsonl');
    const report = join(tempDir(), 'r.html');
    // The report is one write of more than 1 KiB: the system takes its first KiB, and says EFBIG only when asked for the rest.
    const child = spawnSync('bash', ['-c', 'ulimit -f 1; exec "$@" > "$0"', report, process.execPath, cli.bin, 'audit', input, '--format', 'html'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(statSync(report).size).toBe(1024);
    expect([child.stderr, child.status]).toEqual(['fingertip: standard output: cannot write (EFBIG)\n', 1]);
  }, 70_000);
});
