import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWeChatMsgCsv } from '../../../src/audit/readers/wechatmsg-csv.js';
import { InputError } from '../../../src/core/errors.js';
import { tempDir } from '../../support/temp-dir.js';
import { fixture, hooks, readAll } from '../support/read-all.js';

describe('WeChatMsg CSV reader', () => {
  it('reads a group chat: quoted line breaks, app-message titles, placeholders; system notices dropped', async () => {
    const h = hooks();
    const opened = await openWeChatMsgCsv(fixture('wechatmsg/教务通知群_utf8.csv'), h);
    const msgs = await readAll(opened);
    expect(msgs.map((m) => [m.id, m.sender.id, m.kind, m.text])).toEqual([
      ['教务通知群/12/2', 'wxid_zhang', 'text', '@所有人 请全体同事今晚十点前完成打卡并截图发群里'],
      ['教务通知群/12/3', 'wxid_li', 'text', '收到'],
      ['教务通知群/12/4', 'wxid_wang', 'text', '收到，\n已完成, 截图见下'],
      ['教务通知群/12/5', 'wxid_wang', 'image', '[image]'],
      ['教务通知群/12/6', 'wxid_li', 'text', '这个表什么时候交？'],
      ['教务通知群/12/7', 'wxid_me', 'text', '好的'],
    ]);
    expect(msgs[0]).toMatchObject({ platform: 'wechat', ts: 1795439100000, mentionsAll: true, sender: { name: '张主任' } });
    expect(msgs[1].sender.name).toBe('李老师');
    // No member list in the export: sized by everyone who took part, with no roster to compare. TalkerId 12 numbers the chat in the exporter's database only.
    expect(opened.groups()).toEqual([{ platform: 'wechat', id: '教务通知群/12', name: '教务通知群', members: 4 }]);
    expect(msgs[0].group).toEqual({ id: '教务通知群/12', name: '教务通知群' });
    expect(opened.people()).toContainEqual({ id: 'wxid_zhang', names: ['张主任', 'zhangzr'] });
    expect(h.bytes).toBe(h.expected);
  });

  it('stops at a broken row with file and line', async () => {
    const path = fixture('wechatmsg-broken/教务通知群_utf8.csv');
    const err = await readAll(await openWeChatMsgCsv(path, hooks())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    // Line 1 is the header, so row 3 is line 4.
    expect((err as Error).message).toBe(`${path}:4: Invalid Record Length: columns length is 12, got 8`);
  });

  it('with skip-bad reports broken rows and reads the others', async () => {
    const h = hooks(true);
    const path = fixture('wechatmsg-broken/教务通知群_utf8.csv');
    const msgs = await readAll(await openWeChatMsgCsv(path, h));
    expect(msgs.map((m) => m.id)).toEqual(['教务通知群/12/2', '教务通知群/12/4', '教务通知群/12/5', '教务通知群/12/6']);
    // Row 4 spans lines 5-6, so row 7 ends on line 9.
    expect(h.lines).toEqual([
      `skipped ${path}:4: Invalid Record Length: columns length is 12, got 8`,
      `skipped ${path}:9: CreateTime "yesterday" is not Unix seconds`,
    ]);
  });

  it('names a row of CreateTime 0, a missing time that would stretch the report back to 1970, as broken', async () => {
    const path = join(tempDir(), 'g_utf8.csv');
    writeFileSync(
      path,
      'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' +
        '1,g@chatroom,1,0,0,0,2,请大家今晚十点前完成打卡,,,z,wxid_a\n',
    );
    await expect(readAll(await openWeChatMsgCsv(path, hooks()))).rejects.toThrow(
      new InputError(`${path}:2: CreateTime 0: time is before 2000 (a missing time given as 0?)`),
    );
  });

  it('shows a long CreateTime that is no time cut by whole characters, never half an emoji', async () => {
    const path = join(tempDir(), 'g_utf8.csv');
    writeFileSync(
      path,
      'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' +
        `1,g@chatroom,1,0,0,${'下😀'.repeat(15)},2,请大家今晚十点前完成打卡,,,z,wxid_a\n`,
    );
    await expect(readAll(await openWeChatMsgCsv(path, hooks()))).rejects.toThrow(
      new InputError(`${path}:2: CreateTime "${'下😀'.repeat(9)}下…" is not Unix seconds`),
    );
  });

  it('refuses a CSV saved as GBK at its first broken line, with skip-bad too (every later row would be as broken)', async () => {
    const header = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n';
    const row = (id: number, text: Buffer) =>
      Buffer.concat([Buffer.from(`${id},g@chatroom,1,0,0,1764550800,2,`), text, Buffer.from(',2025-12-01 09:00:00,,z,wxid_a\n')]);
    // 请打卡 in GBK, as Excel on Chinese Windows saves it; the first row is plain ASCII.
    const path = join(tempDir(), 'gbk.csv');
    writeFileSync(path, Buffer.concat([Buffer.from(header), row(1, Buffer.from('ok')), row(2, Buffer.from([0xc7, 0xeb, 0xb4, 0xf2, 0xbf, 0xa8]))]));
    for (const skip of [false, true]) {
      const err = await readAll(await openWeChatMsgCsv(path, hooks(skip))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toBe(`${path}:3: not UTF-8 text (an export saved in another encoding, such as GBK: save it as UTF-8)`);
    }
  });

  it('leaves out a one-to-one chat, which is no group, saying how many messages in one note', async () => {
    const dir = tempDir({
      '王老师_utf8.csv':
        'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime\n' +
        '1,40,1,0,0,1795439100,2,请今晚十点前完成打卡,2026-11-23 21:05:00\n' +
        '2,40,1,0,1,1795439160,2,收到,2026-11-23 21:06:00\n',
      '王主任_utf8.csv':
        'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' +
        '1,wxid_boss,1,0,0,1795439100,2,请大家今晚十点前完成打卡,2026-11-23 21:05:00,王主任,王总,\n',
    });
    for (const [name, count] of [
      ['王老师_utf8.csv', '2 messages'],
      ['王主任_utf8.csv', '1 message'],
    ]) {
      const h = hooks();
      const opened = await openWeChatMsgCsv(join(dir, name), h);
      expect(await readAll(opened)).toEqual([]);
      expect(opened.groups()).toEqual([]);
      expect(opened.people()).toEqual([]);
      expect(h.notes).toEqual([`${join(dir, name)}: ${count} of a one-to-one chat left out (not a group)`]);
    }
  });

  it("counts a group's row without a sender (the exporter's own) as the group's, whatever its TalkerId", async () => {
    const dir = tempDir({
      '教务群_utf8.csv':
        'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' +
        '1,12,1,0,0,1795439100,2,请大家今晚十点前完成打卡,2026-11-23 21:05:00,李老师,李,wxid_li\n' +
        '2,12,1,0,1,1795439400,2,@所有人 请全体同事明早八点前完成定位打卡,2026-11-23 21:10:00,,,\n',
    });
    const h = hooks();
    const msgs = await readAll(await openWeChatMsgCsv(join(dir, '教务群_utf8.csv'), h));
    expect(msgs.map((m) => m.sender.id)).toEqual(['wxid_li', 'self']);
    expect(h.notes).toEqual([]);
  });

  it("keeps a chatroom's row without a sender, the exporter's own", async () => {
    const path = join(tempDir(), 'g_utf8.csv');
    writeFileSync(
      path,
      'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' +
        '1,g@chatroom,1,0,1,1795439100,2,请大家今晚十点前完成打卡,2026-11-23 21:05:00,,,\n',
    );
    const h = hooks();
    expect((await readAll(await openWeChatMsgCsv(path, h))).map((m) => [m.group?.id, m.sender.id])).toEqual([['g@chatroom', 'self']]);
    expect(h.notes).toEqual([]);
  });
});
