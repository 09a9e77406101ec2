import { describe, expect, it } from 'vitest';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat } from '../../src/audit/detect.js';
import { InputError } from '../../src/core/errors.js';
import { tempDir } from '../support/temp-dir.js';
import { fixture } from './support/read-all.js';
import { filesOf, zipOf } from './support/zip.js';

describe('detectFormat', () => {
  it('tells each format by its content', async () => {
    expect(await detectFormat(fixture('contract.jsonl'))).toBe('jsonl');
    expect(await detectFormat(fixture('contract-broken.jsonl'))).toBe('jsonl');
    expect(await detectFormat(fixture('slack'))).toBe('slack-folder');
    expect(await detectFormat(fixture('wechatmsg/教务通知群_utf8.csv'))).toBe('wechatmsg-csv');
    expect(await detectFormat(fixture('chatlab/年级组.json'))).toBe('chatlab-json');
    expect(await detectFormat(fixture('chatlab/members-last.json'))).toBe('chatlab-json');
    expect(await detectFormat(fixture('chatlab/年级组.jsonl'))).toBe('chatlab-jsonl');
  });

  it('finds a Slack export unpacked into a folder of its own, as a zip may hold it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.DS_Store'), 'x');
    cpSync(fixture('slack'), join(dir, 'export'), { recursive: true });
    expect(await detectFormat(dir)).toBe('slack-folder');
  });

  it('does not trust file names', async () => {
    const dir = tempDir();
    const zip = join(dir, 'history.txt');
    writeFileSync(zip, zipOf(filesOf(fixture('slack'))));
    expect(await detectFormat(zip)).toBe('slack-zip');
    const csvAsJson = join(dir, 'export.json');
    writeFileSync(csvAsJson, 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime\n');
    expect(await detectFormat(csvAsJson)).toBe('wechatmsg-csv');
  });

  it('reads text of JSON objects as the contract JSONL, whose reader names each broken line', async () => {
    const line = JSON.stringify({ ts: 1795439100, text: '请大家今晚十点前完成打卡' });
    const dir = tempDir({
      'blank-first.jsonl': `\n\n\n\n\n\n${line}\n`,
      'broken-first.jsonl': `${'{"text": broken\n'.repeat(6)}${line}\n`,
      'long-first.jsonl': `${JSON.stringify({ ts: 1795439100, text: 'x'.repeat(100_000) })}\n`,
    });
    for (const name of ['blank-first.jsonl', 'broken-first.jsonl', 'long-first.jsonl']) expect(await detectFormat(join(dir, name)), name).toBe('jsonl');
  });

  it('refuses what it does not know, in one line naming the file', async () => {
    const dir = tempDir({ 'empty.jsonl': '', 'bin.dat': '\u0000\u0001{"text":"x"}', 'other/readme.md': '# hi' });
    const cases: [string, RegExp][] = [
      [fixture('unknown.txt'), /unknown\.txt: unknown export format; expected a Slack export/],
      [join(dir, 'empty.jsonl'), /empty\.jsonl: empty file/],
      [join(dir, 'bin.dat'), /bin\.dat: unknown export format/],
      [join(dir, 'other'), /other: a folder without channels\.json is not a Slack export/],
      [join(dir, 'missing.zip'), /missing\.zip: cannot read \(ENOENT\)/],
    ];
    for (const [path, message] of cases) {
      const err = await detectFormat(path).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
