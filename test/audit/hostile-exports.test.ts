import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/analysis/report/report.js';
import { type ChildCli, childCli, runChild } from './support/child-cli.js';
import { fixture } from './support/read-all.js';
import { spacesList } from './support/zip-bomb.js';
import { deflated, filesOf, zipEntries } from './support/zip.js';

// The audit runs as a child process, so that its own peak memory is measured and bounded: a heap of
// 256 MiB (it cannot hold a GiB entry as a string) and a resident peak well under the bomb's size.
const HEAP_MIB = 256;
const PEAK_MIB = 320;
const HANG_MS = 60_000;
/** What a big day file may add to the peak of auditing the small fixture: read whole, 40 MB took 150+. */
const BIG_DAY_EXTRA_MIB = 80;
/** What stderr says of the Slack fixture's DM, left out. */
const DM_NOTE = '1 message of DMs (one-to-one chats) left out (not a group)';

let dir: string;
let cli: ChildCli;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fingertip-hostile-'));
  cli = childCli();
});
afterAll(() => {
  cli?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** The Slack fixture zipped, with `extra` entries among its day files. */
function exportZip(name: string, extra: ReturnType<typeof deflated>[]): string {
  const path = join(dir, name);
  writeFileSync(path, zipEntries([...filesOf(fixture('slack')).map(([n, d]) => deflated(n, d)), ...extra]));
  return path;
}

const audit = (args: string[]) => runChild(cli.bin, ['audit', ...args], HEAP_MIB, HANG_MS);

describe('fingertip audit of a hostile zip', () => {
  it('refuses a day file that inflates to 1 GiB in one line naming it, and with --skip-bad counts every other message', { timeout: 4 * HANG_MS }, async () => {
    const bomb = spacesList('ops/2026-11-25.json', 1024);
    const zip = exportZip('bomb.zip', [bomb]);
    expect(bomb.packed.length).toBeLessThan(2 << 20);

    const refused = await audit([zip]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `fingertip audit: ${zip}: ops/2026-11-25.json: inflates to 1025 MiB, over the 256 MiB limit on a zip entry (unzip it to audit the folder if it is genuine)\n`,
    );

    const clean = await audit([fixture('slack')]);
    const skipped = await audit([zip, '--skip-bad']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toBe(
      `fingertip audit: skipped ${zip}: ops/2026-11-25.json: inflates to 1025 MiB, over the 256 MiB limit on a zip entry (unzip it to audit the folder if it is genuine)\n` +
        `fingertip audit: ${zip}: ${DM_NOTE}\n`,
    );
    const { skipped_entries, ...report } = JSON.parse(skipped.stdout) as Report & { skipped_entries: number };
    expect(skipped_entries).toBe(1);
    expect(report).toEqual(JSON.parse(clean.stdout));
    expect(report.messages).toBe(7);

    for (const run of [refused, skipped]) {
      expect(run.ms).toBeLessThan(HANG_MS);
      expect(run.peakMib).toBeGreaterThan(0);
      expect(run.peakMib).toBeLessThan(PEAK_MIB);
    }
  });

  it('refuses a bomb whose zip understates its size, once it inflates past it', { timeout: 4 * HANG_MS }, async () => {
    const zip = exportZip('liar.zip', [{ ...spacesList('ops/2026-11-25.json', 1024), size: 4096 }]);
    const refused = await audit([zip]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^fingertip audit: ${zip}: ops/2026-11-25\\.json: corrupt zip entry \\(too many bytes in the stream\\. expected 4096\\. got at least \\d+\\)\\n$`,
      ),
    );
    const skipped = await audit([zip, '--skip-bad']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect((JSON.parse(skipped.stdout) as Report).messages).toBe((JSON.parse((await audit([fixture('slack')])).stdout) as Report).messages);
    for (const run of [refused, skipped]) {
      expect(run.ms).toBeLessThan(HANG_MS);
      expect(run.peakMib).toBeLessThan(PEAK_MIB);
    }
  });

  it('refuses an entry whose data does not match its CRC, and with --skip-bad reads nothing of it', { timeout: 4 * HANG_MS }, async () => {
    const day = Buffer.from(JSON.stringify([{ type: 'message', user: 'U1', text: '请大家今晚八点前完成打卡', ts: '1795500000.000100' }]));
    const damaged = { ...deflated('ops/2026-11-25.json', day), crc: (deflated('x', day).crc ^ 1) >>> 0 };
    const zip = exportZip('damaged.zip', [damaged]);
    const refused = await audit([zip]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(`^fingertip audit: ${zip}: ops/2026-11-25\\.json: corrupt zip entry \\(its CRC is [0-9a-f]{8} where the zip says [0-9a-f]{8}\\)\\n$`),
    );
    const skipped = await audit([zip, '--skip-bad']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ ...(JSON.parse((await audit([fixture('slack')])).stdout) as object), skipped_entries: 1 });
  });

  it('refuses an entry named outside the export in one line, and with --skip-bad reads the rest', { timeout: 4 * HANG_MS }, async () => {
    const day = Buffer.from(JSON.stringify([{ type: 'message', user: 'U1', text: 'hi', ts: '1795500000.000100' }]));
    const zip = exportZip('traversal.zip', [deflated('../../x.json', day), deflated('/tmp/ops/2026-11-25.json', day)]);
    const refused = await audit([zip]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`fingertip audit: ${zip}: ../../x.json: path outside the export (invalid relative path); not read\n`);
    const skipped = await audit([zip, '--skip-bad', '--format', 'md']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr.trim().split('\n')).toEqual([
      `fingertip audit: skipped ${zip}: ../../x.json: path outside the export (invalid relative path); not read`,
      `fingertip audit: skipped ${zip}: /tmp/ops/2026-11-25.json: path outside the export (absolute path); not read`,
      `fingertip audit: ${zip}: ${DM_NOTE}`,
    ]);
    expect(skipped.stdout).toContain('2 broken entries were skipped (--skip-bad)');
  });
});

describe('fingertip audit of a big day file', () => {
  it('reads a 40 MB day, in a folder or a zip, a message at a time', { timeout: 4 * HANG_MS }, async () => {
    // 400 messages of 100 KB each (a file's preview, random so that it deflates as real data does).
    const messages = Array.from({ length: 400 }, (_, i) => ({
      type: 'message',
      user: `U${1 + (i % 4)}`,
      text: `收到 ${i}`,
      ts: `${1795439100 + i}.000100`,
      files: [{ id: `F${i}`, preview: randomBytes(75_000).toString('base64') }],
    }));
    const day = Buffer.from(JSON.stringify(messages));
    expect(day.length).toBeGreaterThan(40e6);
    const folder = join(dir, 'big');
    for (const [name, data] of filesOf(fixture('slack'))) {
      mkdirSync(join(folder, name, '..'), { recursive: true });
      writeFileSync(join(folder, name), data);
    }
    writeFileSync(join(folder, 'ops', '2026-11-25.json'), day);
    const zip = exportZip('big.zip', [deflated('ops/2026-11-25.json', day)]);

    const small = await audit([fixture('slack')]);
    for (const path of [folder, zip]) {
      const run = await audit([path]);
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as Report).messages).toBe(7 + 400);
      expect(run.ms).toBeLessThan(HANG_MS);
      expect(run.peakMib, path).toBeLessThan(small.peakMib + BIG_DAY_EXTRA_MIB);
    }
  });
});

describe('fingertip audit of a huge WeChatMsg row', () => {
  it('names a row over 1 MiB as broken without holding it, and with --skip-bad reads every row after it', { timeout: 4 * HANG_MS }, async () => {
    const header = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n';
    const row = (id: number, text: string) => `${id},1@chatroom,1,0,0,${1795568400 + id * 60},2,"${text}",2026-11-26 09:00:00,,王,wxid_${id}\r\n`;
    const demand = '请各位今晚十点前完成打卡\r\n并截图发群里';
    const small = join(dir, 'small_utf8.csv');
    writeFileSync(small, header + row(1, demand) + row(3, demand));
    // Row 2's StrContent is 160 MB, written a MiB at a time: a string of it would be 320 MB of heap.
    const big = join(dir, 'big_utf8.csv');
    const fd = openSync(big, 'w');
    writeSync(fd, header + row(1, demand) + '2,1@chatroom,1,0,0,1795568520,2,"');
    const MiB = Buffer.from('啊'.repeat((1 << 20) / 4) + '\n');
    for (let i = 0; i < 160; i++) writeSync(fd, MiB);
    writeSync(fd, `",2026-11-26 09:02:00,,王,wxid_2\r\n${row(3, demand)}`);
    closeSync(fd);

    const clean = await audit([small]);
    const refused = await audit([big]);
    expect(refused.code).toBe(2);
    // Row 1 ends on line 4 (csv-parse counts a CRLF inside quotes as two lines, as it names every row), row 2 160 lines on.
    expect(refused.stderr).toBe(`fingertip audit: ${big}:165: row larger than 1 MiB\n`);
    const skipped = await audit([big, '--skip-bad']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toBe(`fingertip audit: skipped ${big}:165: row larger than 1 MiB\n`);
    const { skipped_entries, ...report } = JSON.parse(skipped.stdout) as Report & { skipped_entries: number };
    expect(skipped_entries).toBe(1);
    expect(report.messages).toBe(2);
    expect(report.demands).toBe((JSON.parse(clean.stdout) as Report).demands);
    for (const run of [refused, skipped]) {
      expect(run.ms).toBeLessThan(HANG_MS);
      expect(run.peakMib).toBeLessThan(clean.peakMib + BIG_DAY_EXTRA_MIB);
    }
  });
});
