import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSlackExport } from '../../../src/audit/readers/slack-export.js';
import { InputError } from '../../../src/core/errors.js';
import { tempDir } from '../../support/temp-dir.js';
import { fixture, hooks, readAll } from '../support/read-all.js';
import { spacesList } from '../support/zip-bomb.js';
import { deflated, filesOf, zipEntries, zipOf } from '../support/zip.js';

function zipped(files: [string, Buffer][]): string {
  const path = join(tempDir(), 'export.zip');
  writeFileSync(path, zipOf(files));
  return path;
}

/** The fixture export zipped under a top folder, with `extra` entries added. */
function zippedWith(extra: ReturnType<typeof deflated>[]): string {
  const path = join(tempDir(), 'export.zip');
  writeFileSync(path, zipEntries([...filesOf(fixture('slack'), 'export/').map(([n, d]) => deflated(n, d)), ...extra]));
  return path;
}

const DAY = Buffer.from(JSON.stringify([{ type: 'message', user: 'U1', text: 'late', ts: '1795500000.000100' }]));

describe('Slack export reader', () => {
  it('reads the channels with their members, and their messages as the Slack adapter maps them', async () => {
    const h = hooks();
    const opened = await openSlackExport(fixture('slack'), false, h);
    expect(opened.groups()).toEqual([
      { platform: 'slack', id: 'C01', name: 'ops', members: 4, memberIds: ['U1', 'U2', 'U3', 'U4'] },
      { platform: 'slack', id: 'C02', name: 'ops-copy', members: 4, memberIds: ['U1', 'U2', 'U3', 'U4'] },
    ]);
    const msgs = await readAll(opened);
    // The join notice, the bot's message, the ❤-free 😂 reaction and the DM are not members' messages in a group.
    expect(msgs.map((m) => [m.id, m.kind, m.text])).toEqual([
      ['C01/1795439100.000200', 'text', '@channel 请全体同事今晚十点前完成打卡并截图发群里'],
      ['C01/1795439100.000200/U2/white_check_mark', 'reaction', 'white_check_mark'],
      ['C01/1795439100.000200/U3/white_check_mark', 'reaction', 'white_check_mark'],
      ['C01/1795439160.000300', 'text', '收到'],
      ['C01/1795439300.000500', 'image', '[image]'],
      ['C01/1795439400.000600', 'text', '@Li Wei done & thanks'],
      ['C02/1795483800.000100', 'text', '请全体同事今晚十点前完成打卡并截图发群里'],
    ]);
    const [demand, ack] = msgs;
    expect(demand.mentionsAll).toBe(true);
    expect(demand.ts).toBe(1795439100000);
    expect(demand.sender).toEqual({ id: 'U1', name: 'Li Wei' });
    expect(demand.group).toMatchObject({ id: 'C01', name: 'ops', memberCount: 4 });
    expect(ack.replyTo).toBe('C01/1795439100.000200');
    expect(msgs[3].replyTo).toBe('C01/1795439100.000200');
    expect(opened.people()).toContainEqual({ id: 'U3', names: ['张伟', 'zhang'] });
    expect(h.notes).toEqual([`${fixture('slack')}: 1 message of DMs (one-to-one chats) left out (not a group)`]);
    expect(h.bytes).toBe(h.expected);
  });

  it('sizes a channel listed without its members by everyone seen taking part, and skips a ts Slack never writes', async () => {
    const day = [
      { type: 'message', user: 'U1', text: '请大家今晚十点前完成打卡', ts: '1795439100.000100' },
      { type: 'message', user: 'U2', text: '收到', ts: '1795439160.000200' },
      { type: 'message', user: 'U3', text: 'odd', ts: '-5' },
      { type: 'message', user: 'U3', text: 'far', ts: '99999999999.000100' },
    ];
    const dir = tempDir({ 'channels.json': JSON.stringify([{ id: 'C9', name: 'ops' }]), 'ops/2026-11-23.json': JSON.stringify(day) });
    const h = hooks(true);
    const opened = await openSlackExport(dir, false, h);
    const msgs = await readAll(opened);
    expect(msgs.map((m) => [m.id, m.group?.memberCount])).toEqual([
      ['C9/1795439100.000100', undefined],
      ['C9/1795439160.000200', undefined],
    ]);
    expect(opened.groups()).toEqual([{ platform: 'slack', id: 'C9', name: 'ops', members: 2 }]);
    expect(h.lines).toEqual([
      expect.stringMatching(/ops\/2026-11-23\.json.*: message event without a valid ts$/),
      expect.stringMatching(/ops\/2026-11-23\.json.*: time is after 2099/),
    ]);
  });

  it('names a message whose text or files are not of their types as a broken entry, and with skip-bad reads the rest', async () => {
    const day = [
      { type: 'message', user: 'U1', text: 123, ts: '1795439100.000100' },
      { type: 'message', user: 'U1', text: 'a', files: 'x', ts: '1795439100.000200' },
      { type: 'message', user: 'U1', text: 'a', files: [null], ts: '1795439100.000300' },
      { type: 'message', user: 'U1', text: 'a', files: [{ mimetype: 5 }], ts: '1795439100.000400' },
      { type: 'message', user: 'U2', text: '收到', ts: '1795439160.000500' },
    ];
    const dir = tempDir({ 'channels.json': JSON.stringify([{ id: 'C9', name: 'general' }]), 'general/2025-11-17.json': JSON.stringify(day) });
    await expect(readAll(await openSlackExport(dir, false, hooks()))).rejects.toThrow(
      new InputError(`${dir}: general/2025-11-17.json[0]: message event whose text is not a string`),
    );
    const h = hooks(true);
    expect((await readAll(await openSlackExport(dir, false, h))).map((m) => m.id)).toEqual(['C9/1795439160.000500']);
    expect(h.lines).toEqual([
      `skipped ${dir}: general/2025-11-17.json[0]: message event whose text is not a string`,
      ...[1, 2, 3].map((i) => `skipped ${dir}: general/2025-11-17.json[${i}]: message event whose files are not a list of file objects`),
    ]);
  });

  it('reads a zip made by macOS, whose __MACOSX folder and .DS_Store files are no part of the export', async () => {
    const mac: [string, Buffer][] = [
      ['__MACOSX/export/._users.json', Buffer.from('x')],
      ['export/.DS_Store', Buffer.from('x')],
    ];
    const opened = await openSlackExport(zipped([...filesOf(fixture('slack'), 'export/'), ...mac]), true, hooks());
    expect((await readAll(opened)).length).toBe((await readAll(await openSlackExport(fixture('slack'), false, hooks()))).length);
  });

  it('reads the same export zipped, with or without a top folder', async () => {
    const fromFolder = await readAll(await openSlackExport(fixture('slack'), false, hooks()));
    for (const prefix of ['', 'My Workspace Slack export/']) {
      const h = hooks();
      const opened = await openSlackExport(zipped(filesOf(fixture('slack'), prefix)), true, h);
      expect(opened.format).toBe('slack-zip');
      expect(await readAll(opened)).toEqual(fromFolder);
      expect(h.bytes).toBe(h.expected);
    }
  });

  it('refuses a corrupt zip in one line that names it', async () => {
    const whole = zipOf(filesOf(fixture('slack')));
    const path = join(tempDir(), 'cut.zip');
    writeFileSync(path, whole.subarray(0, whole.length - 30));
    await expect(openSlackExport(path, true, hooks())).rejects.toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: corrupt zip \\(`));
  });

  it('names the entry of a zip whose data is corrupt, and skips it with skip-bad', async () => {
    const files = filesOf(fixture('slack'));
    const whole = zipOf(files);
    // Scramble the deflated bytes of ops/2026-11-23.json, leaving the directory intact.
    const at = whole.indexOf(Buffer.from('ops/2026-11-23.json')) + 'ops/2026-11-23.json'.length;
    for (let i = at + 2; i < at + 40; i++) whole[i] = 0xff;
    const path = join(tempDir(), 'bad.zip');
    writeFileSync(path, whole);
    const err = await readAll(await openSlackExport(path, true, hooks())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/bad\.zip: ops\/2026-11-23\.json: corrupt zip entry/);
    const h = hooks(true);
    const msgs = await readAll(await openSlackExport(path, true, h));
    expect(msgs.map((m) => m.id)).toEqual(['C02/1795483800.000100']);
    expect(h.entries.count).toBe(1);
  });

  it('names where a truncated day file breaks off and, with skip-bad, reads the messages before it and the other days', async () => {
    const dir = tempDir();
    for (const [name, data] of filesOf(fixture('slack'))) {
      const path = join(dir, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, name === 'ops/2026-11-23.json' ? data.subarray(0, data.length / 2) : data);
    }
    const err = await readAll(await openSlackExport(dir, false, hooks())).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`${dir}: ops/2026-11-23.json[2]: truncated: the file ends before the document does`);
    const h = hooks(true);
    const ids = (await readAll(await openSlackExport(dir, false, h))).map((m) => m.id);
    expect(ids).toEqual([
      'C01/1795439100.000200',
      'C01/1795439100.000200/U2/white_check_mark',
      'C01/1795439100.000200/U3/white_check_mark',
      'C02/1795483800.000100',
    ]);
    expect(h.lines).toHaveLength(1);
  });

  it('is not a Slack export without a channel list', async () => {
    const dir = tempDir({ 'users.json': readFileSync(fixture('slack/users.json'), 'utf8') });
    await expect(openSlackExport(dir, false, hooks())).rejects.toThrow(/not a Slack export \(no channels\.json\)/);
  });

  it('refuses zip entries named outside the export, each in one line, and with skip-bad reads the rest', async () => {
    const names = ['../../x.json', '/etc/ops/2026-11-25.json', 'C:/ops/2026-11-25.json', 'export\\..\\..\\ops\\2026-11-25.json'];
    const path = zippedWith(names.map((n) => deflated(n, DAY)));
    await expect(openSlackExport(path, true, hooks())).rejects.toThrow(`${path}: ../../x.json: path outside the export (invalid relative path); not read`);
    const h = hooks(true);
    const msgs = await readAll(await openSlackExport(path, true, h));
    expect(msgs).toEqual(await readAll(await openSlackExport(fixture('slack'), false, hooks())));
    expect(h.lines).toEqual([
      `skipped ${path}: ../../x.json: path outside the export (invalid relative path); not read`,
      `skipped ${path}: /etc/ops/2026-11-25.json: path outside the export (absolute path); not read`,
      `skipped ${path}: C:/ops/2026-11-25.json: path outside the export (absolute path); not read`,
      `skipped ${path}: export/../../ops/2026-11-25.json: path outside the export (invalid relative path); not read`,
    ]);
  });

  it('names a zip entry whose name an earlier entry has, reads the first, and with skip-bad the rest', async () => {
    const path = zippedWith([deflated('export/ops/2026-11-23.json', DAY)]);
    const why = `${path}: ops/2026-11-23.json: a second entry of this name in the zip, not the same as the first; not read`;
    await expect(readAll(await openSlackExport(path, true, hooks()))).rejects.toThrow(new InputError(why));
    const h = hooks(true);
    expect(await readAll(await openSlackExport(path, true, h))).toEqual(await readAll(await openSlackExport(fixture('slack'), false, hooks())));
    expect(h.lines).toEqual([`skipped ${why}`]);
  });

  it('reads once, as no broken entry, a file the zip holds twice with the same bytes: a channel day, a list', async () => {
    const again = ['ops/2026-11-23.json', 'users.json'].map((n) => deflated(`export/${n}`, readFileSync(join(fixture('slack'), n))));
    const h = hooks();
    const opened = await openSlackExport(zippedWith(again), true, h);
    expect(await readAll(opened)).toEqual(await readAll(await openSlackExport(fixture('slack'), false, hooks())));
    expect([h.lines, h.bytes]).toEqual([[], h.expected]);
  });

  it('refuses, without inflating it, a zip entry above 4 MiB that inflates more than 100:1', async () => {
    const path = zippedWith([spacesList('export/ops/2026-11-25.json', 8)]);
    const err = await readAll(await openSlackExport(path, true, hooks())).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      new RegExp(`^${path}: ops/2026-11-25\\.json: inflates \\d+:1, over the 100:1 limit on a zip entry above 4 MiB \\(unzip it`),
    );
    const h = hooks(true);
    expect(await readAll(await openSlackExport(path, true, h))).toHaveLength(7);
    expect(h.lines).toHaveLength(1);
    // The refused entry is neither read nor expected: progress ends at 100 %.
    expect(h.bytes).toBe(h.expected);
    expect(h.expected).toBeLessThan(1 << 20);
  });

  it('stops a zip entry that inflates past the size its zip states', async () => {
    const liar = { ...deflated('export/ops/2026-11-25.json', Buffer.concat([DAY, Buffer.alloc(1 << 20, 0x20)])), size: DAY.length };
    const path = zippedWith([liar]);
    const err = await readAll(await openSlackExport(path, true, hooks())).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(`${path}: ops/2026-11-25.json: corrupt zip entry (too many bytes in the stream`);
    const h = hooks(true);
    const msgs = await readAll(await openSlackExport(path, true, h));
    expect(msgs.map((m) => m.id)).toContain('C02/1795483800.000100');
    expect(h.lines).toEqual([expect.stringContaining('ops/2026-11-25.json: corrupt zip entry (too many bytes')]);
  });
});
