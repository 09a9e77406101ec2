import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openJsonl, parseTs } from '../../../src/audit/readers/jsonl.js';
import { InputError } from '../../../src/core/errors.js';
import { tempDir } from '../../support/temp-dir.js';
import { fixture, hooks, readAll } from '../support/read-all.js';

describe('contract JSONL reader', () => {
  it('reads every line as a message of its group, with ts in epoch ms', async () => {
    const h = hooks();
    const opened = await openJsonl(fixture('contract.jsonl'), h);
    const msgs = await readAll(opened);
    expect(msgs.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
    // 2026-11-23T21:05:00+08:00 is 13:05 UTC; 1795439160 s; "1795483800" s; 2026-11-24T01:31:00Z.
    expect(msgs.map((m) => m.ts)).toEqual([1795439100000, 1795439160000, 1795483800000, 1795483860000]);
    expect(msgs[1].replyTo).toBe('m1');
    expect(msgs[0].sender).toEqual({ id: 'U1', name: 'Li' });
    expect(msgs[0].platform).toBe('slack');
    expect(msgs[0].group).toMatchObject({ id: 'C01', name: 'ops', memberCount: 3 });
    // Bytes are counted over both passes.
    expect(h.bytes).toBe(h.expected);
  });

  it('takes members from the lines, else counts everyone seen in the group', async () => {
    const opened = await openJsonl(fixture('contract.jsonl'), hooks());
    const msgs = await readAll(opened);
    // A line's members are its recipients at that time; without them the report uses the group's final size.
    expect(msgs.map((m) => m.group?.memberCount)).toEqual([3, 3, undefined, undefined]);
    expect(opened.groups()).toEqual([
      { platform: 'slack', id: 'C01', name: 'ops', members: 3, memberIds: ['U1', 'U2', 'U3'] },
      { platform: 'slack', id: 'C02', name: 'ops-2', members: 2 },
    ]);
    expect(opened.people()).toContainEqual({ id: 'U1', names: ['Li'] });
  });

  it('keeps apart two messages whose numeric ids differ past 2^53, and a sender and group of such ids', async () => {
    const path = join(tempDir(), 'big.jsonl');
    const line = (id: string, text: string) => `{"id":${id},"group_id":9876543210987654321,"sender_id":1234567890123456789,"ts":1795000000,"text":"${text}"}`;
    writeFileSync(path, `${line('7263849876543210987', '请大家今晚十点前完成打卡')}\n${line('7263849876543210986', '请大家今晚十点前完成填报')}\n`);
    const msgs = await readAll(await openJsonl(path, hooks()));
    expect(msgs.map((m) => [m.id, m.group?.id, m.sender.id])).toEqual([
      ['7263849876543210987', '9876543210987654321', '1234567890123456789'],
      ['7263849876543210986', '9876543210987654321', '1234567890123456789'],
    ]);
  });

  it('tells senders without an id apart by their names', async () => {
    const path = join(tempDir(), 'noid.jsonl');
    const line = (name?: string) => JSON.stringify({ ts: 1795439100, group_id: 'G', sender_name: name, text: '请大家今晚十点前完成打卡' });
    writeFileSync(path, [line('小李'), line('老王'), line('老王'), line()].join('\n'));
    const msgs = await readAll(await openJsonl(path, hooks()));
    expect(msgs.map((m) => m.sender)).toEqual([
      { id: 'name:小李', name: '小李' },
      { id: 'name:老王', name: '老王' },
      { id: 'name:老王', name: '老王' },
      { id: 'unknown', name: undefined },
    ]);
  });

  it('counts a member listed twice once, and the sender among the members when the list leaves them out', async () => {
    const line = (members: string[]) => JSON.stringify({ ts: 1795439100, group_id: 'g', sender_id: 'U1', members, text: 'x' });
    const path = join(tempDir(), 'm.jsonl');
    writeFileSync(path, `${line(['U2', 'U3'])}\n${line(['U2', 'U2', 'U1'])}\n`);
    const opened = await openJsonl(path, hooks());
    expect((await readAll(opened)).map((m) => m.group?.memberCount)).toEqual([3, 2]);
    expect(opened.groups()).toEqual([{ platform: 'jsonl', id: 'g', name: 'g', members: 3, memberIds: ['U1', 'U2', 'U3'] }]);
  });

  it('stops at the first broken line with its file and line number', async () => {
    const opened = await openJsonl(fixture('contract-broken.jsonl'), hooks());
    const err = await readAll(opened).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/contract-broken\.jsonl:2: invalid JSON/);
  });

  it('with skip-bad reports every broken line and reads the rest', async () => {
    const h = hooks(true);
    const msgs = await readAll(await openJsonl(fixture('contract-broken.jsonl'), h));
    expect(msgs.map((m) => m.id)).toEqual(['m1', 'm4']);
    expect(h.entries.count).toBe(2);
    expect(h.lines[1]).toMatch(/contract-broken\.jsonl:3: ts "2026-11-24 09:30" is neither ISO 8601 with an offset nor Unix seconds/);
  });

  it('reports a huge line without holding it, binary junk and text in another encoding (GBK) as not UTF-8', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.jsonl');
    const ok = JSON.stringify({ id: 'a', ts: 1795439100, text: 'hi', group_id: 'g' });
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`${ok}\n{"text":"${'x'.repeat(2 << 20)}"}\n`),
        Buffer.from([0, 1, 2, 0xff, 10]),
        // {"text":"请大家打卡"} saved as GBK: read as UTF-8 it would be a message of U+FFFD, its demand gone.
        Buffer.from('7b2274657874223a22c7ebb4f3bcd2b4f2bfa8227d0a', 'hex'),
        Buffer.from(`${ok.replace('"a"', '"b"')}\n`),
      ]),
    );
    const h = hooks(true);
    const msgs = await readAll(await openJsonl(path, h));
    expect(msgs.map((m) => m.id)).toEqual(['a', 'b']);
    expect(h.lines).toEqual([
      expect.stringMatching(/big\.jsonl:2: line longer than 1 MiB/),
      expect.stringMatching(/big\.jsonl:3: not UTF-8 text/),
      expect.stringMatching(/big\.jsonl:4: not UTF-8 text \(an export saved in another encoding, such as GBK: save it as UTF-8\)/),
    ]);
  });

  it('parses the ts forms of the contract and refuses local times', () => {
    expect(parseTs('2026-11-23T21:05:00+08:00')).toBe(Date.UTC(2026, 10, 23, 13, 5));
    expect(parseTs('2026-11-23T13:05:00.250Z')).toBe(Date.UTC(2026, 10, 23, 13, 5, 0, 250));
    expect(parseTs(1795439100.5)).toBe(1795439100500);
    expect(parseTs('2026-11-23T21:05:00')).toMatch(/neither ISO 8601 with an offset/);
    expect(parseTs(undefined)).toBe('missing ts');
    // Milliseconds given as seconds, and times before 1970: a corrupt field, not a report over millennia.
    expect(parseTs(99999999999)).toMatch(/^ts 99999999999: time is after 2099/);
    expect(parseTs('1e300')).toMatch(/neither ISO 8601/);
    expect(parseTs(-5)).toMatch(/^ts -5: time is before 2000/);
    expect(parseTs(0)).toMatch(/^ts 0: time is before 2000/);
    expect(parseTs('2099-12-31T23:59:59Z')).toBe(Date.UTC(2099, 11, 31, 23, 59, 59));
    // Days the calendar has not, which Date.parse would roll over into the next month.
    expect(parseTs('2026-02-30T10:00:00+08:00')).toBe('ts "2026-02-30T10:00:00+08:00": no such day');
    expect(parseTs('2025-02-29T10:00:00Z')).toBe('ts "2025-02-29T10:00:00Z": no such day');
    expect(parseTs('2026-04-31T10:00:00Z')).toBe('ts "2026-04-31T10:00:00Z": no such day');
    expect(parseTs('2026-00-10T10:00:00Z')).toBe('ts "2026-00-10T10:00:00Z": no such day');
    expect(parseTs('2028-02-29T10:00:00Z')).toBe(Date.UTC(2028, 1, 29, 10));
    // A long ts is shown cut by whole characters: its 40th code unit is half an emoji.
    expect(parseTs('😀x'.repeat(25))).toBe(`ts "${'😀x'.repeat(19)}😀…" is neither ISO 8601 with an offset nor Unix seconds`);
  });
});
