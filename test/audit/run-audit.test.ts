import { describe, expect, it } from 'vitest';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { openExport } from '../../src/audit/detect.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import { classifyMessage } from '../../src/analysis/record/classify-message.js';
import { defaultEngine } from '../../src/engine/index.js';
import { ReportBuilder } from '../../src/analysis/report/builder.js';
import { toRecord } from '../../src/analysis/record/to-record.js';
import { tempDir } from '../support/temp-dir.js';
import { fixture, hooks } from './support/read-all.js';
import { filesOf, zipOf } from './support/zip.js';

const SLACK = fixture('slack');
const WECHAT = fixture('wechatmsg/教务通知群_utf8.csv');
const CHATLAB = fixture('chatlab/年级组.json');

describe('runAudit', () => {
  it('gives the report a bot would build from the same messages', async () => {
    const config = defaultConfig();
    const { report } = await runAudit([SLACK, WECHAT], { config });
    // The bot's way: each message classified, made a record and added; group sizes as the platform tells.
    const builder = new ReportBuilder({ config });
    for (const path of [SLACK, WECHAT]) {
      const opened = await openExport(path, hooks());
      for await (const msg of opened.messages()) builder.add(toRecord(msg, classifyMessage(defaultEngine(), msg), config.timezone));
      for (const g of opened.groups()) builder.addGroup(g);
    }
    expect(report).toEqual(builder.build());
    expect(report.messages).toBe(7 + 6);
  });

  it('counts a message once when exports overlap, as the bot stores one message per id', async () => {
    const config = defaultConfig();
    const once = await runAudit([SLACK, WECHAT], { config });
    const zipped = join(tempDir(), 'slack.zip');
    writeFileSync(zipped, zipOf(filesOf(SLACK)));
    const twice = await runAudit([SLACK, WECHAT, zipped, WECHAT], { config });
    expect(twice.report).toEqual(once.report);
    expect(twice.repeated).toBe(7 + 6);
    expect(once.repeated).toBe(0);
  });

  it('counts the words sent with a file of a Slack export as a demand, and a file without words as none', async () => {
    const day = [
      {
        type: 'message',
        subtype: 'file_share',
        user: 'U1',
        ts: '1795439100.000100',
        text: '请全体同事今晚十点前完成打卡并截图发群里',
        files: [{ name: '统计表.xlsx' }],
      },
      { type: 'message', subtype: 'file_share', user: 'U2', ts: '1795439160.000200', text: '', files: [{ mimetype: 'image/png' }] },
    ];
    const dir = tempDir({ 'channels.json': JSON.stringify([{ id: 'C01', name: 'ops', members: ['U1', 'U2'] }]), 'ops/2026-11-24.json': JSON.stringify(day) });
    const { report } = await runAudit([dir], { config: defaultConfig() });
    expect([report.messages, report.demands]).toEqual([2, 1]);
  });

  it('counts once a file without ids or group_id copied to another folder, and shows no folder', async () => {
    const lines = [
      { sender_id: 'U1', ts: 1795439100, text: '请大家今晚十点前完成打卡' },
      ...['U2', 'U3', 'U4'].map((u, i) => ({ sender_id: u, ts: 1795439160 + i, text: '收到' })),
    ];
    const text = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
    const dir = tempDir({ 'a/g.jsonl': text, 'b/g.jsonl': text });
    const { report, repeated } = await runAudit([join(dir, 'a/g.jsonl'), join(dir, 'b/g.jsonl')], { config: defaultConfig() });
    // No group_id: the file's name is all that tells the chat; its lines are known by it and their places.
    expect([report.messages, report.demands, repeated, report.ack_storms]).toEqual([4, 1, 4, []]);
    expect(report.groups.map((g) => [g.id, g.name])).toEqual([['g', 'g']]);
    expect(JSON.stringify(report)).not.toContain(dir);
  });

  it('counts once the lines without ids of one file given twice, by a relative and an absolute path or through a link', async () => {
    const line = `${JSON.stringify({ ts: 1795439100, text: '请大家今晚十点前完成打卡' })}\n`;
    const dir = tempDir({ 'g.jsonl': line });
    symlinkSync(join(dir, 'g.jsonl'), join(dir, 'link.jsonl'));
    const paths = [relative(process.cwd(), join(dir, 'g.jsonl')), join(dir, 'g.jsonl'), join(dir, 'link.jsonl')];
    const { report, repeated } = await runAudit(paths, { config: defaultConfig() });
    expect([report.messages, repeated]).toEqual([1, 2]);
  });

  it('keeps apart two chats whose WeChatMsg exports number them alike, and counts once a chat exported twice', async () => {
    // A colleague's export of another chat, whose database also numbered it TalkerId 12.
    const csv = readFileSync(WECHAT, 'utf8');
    const other = csv
      .replace('请全体同事今晚十点前完成打卡并截图发群里', '请各位家长明早八点前上报体温')
      .replace(/,(\d{10}),/g, (_, t: string) => `,${Number(t) + 86400},`);
    const later = `${csv}8,12,1,0,0,1795525500,2,明天的表也请今晚交,2026-11-24 21:05:00,张主任,zhangzr,wxid_zhang\n`;
    const dir = tempDir({ '家长群_utf8.csv': other, 'again/教务通知群_utf8.csv': later });
    const warned: string[] = [];
    const config = defaultConfig();
    const { report, repeated } = await runAudit([WECHAT, join(dir, '家长群_utf8.csv')], { config, warn: (l) => warned.push(l) });
    expect([report.messages, repeated, warned]).toEqual([6 + 6, 0, []]);
    expect(report.groups.map((g) => g.name).sort()).toEqual(['家长群', '教务通知群']);
    // The same member's later export of the same chat, from another folder: the first six again, one new.
    const twice = await runAudit([WECHAT, join(dir, 'again/教务通知群_utf8.csv')], { config });
    expect([twice.report.messages, twice.repeated, twice.report.groups.length]).toEqual([6 + 1, 6, 1]);
  });

  it('keeps the messages of two ChatLab chats of one name without groupId, in one group, and the same ids of two JSONL groups apart', async () => {
    const chat = (text: string) =>
      JSON.stringify({
        chatlab: { version: '0.0.2' },
        meta: { name: '工作群', platform: 'wechat', type: 'group' },
        messages: [0, 1].map((i) => ({ sender: `u${i}`, timestamp: 1795439100 + i, type: 0, content: `${text}${i}` })),
      });
    const line = (group: string, id: string) => JSON.stringify({ id, group_id: group, sender_id: 'U1', ts: 1795439100, text: `${group}: 请填表` });
    const dir = tempDir({
      'a.json': chat('请大家今晚填报'),
      'b.json': chat('请明天上午打卡'),
      'grp_g1.jsonl': [line('g1', '1'), line('g1', '2')].join('\n'),
      'grp_g2.jsonl': [line('g2', '1'), line('g2', '2')].join('\n'),
    });
    const config = defaultConfig();
    const chatlab = await runAudit([join(dir, 'a.json'), join(dir, 'b.json')], { config });
    expect([chatlab.report.messages, chatlab.repeated]).toEqual([4, 0]);
    // Their messages, numbered by place alike, differ in text: both kept, under the one name.
    expect(chatlab.report.groups.map((g) => g.name)).toEqual(['工作群']);
    const jsonl = await runAudit([join(dir, 'grp_g1.jsonl'), join(dir, 'grp_g2.jsonl')], { config });
    expect([jsonl.report.messages, jsonl.repeated, jsonl.report.groups.length]).toEqual([4, 0, 2]);
  });

  it('keeps both messages of one platform, group and id but another text or time, saying so in one line naming both files', async () => {
    const line = (id: string, text: string, ts = 1795439100) => JSON.stringify({ id, group_id: 'g', sender_id: 'U1', ts, text });
    const dir = tempDir({
      'a.jsonl': [line('1', '请今晚填表'), line('2', '收到')].join('\n'),
      'b.jsonl': [line('1', '请明早打卡'), line('2', '收到', 1795439160), line('3', '好')].join('\n'),
    });
    const [a, b] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
    const warned: string[] = [];
    const { report, repeated } = await runAudit([a, b, a], { config: defaultConfig(), warn: (l) => warned.push(l) });
    expect([report.messages, repeated]).toEqual([5, 2]);
    expect(warned).toEqual([`${b}: 2 messages with the platform, group and id of one read before from ${a} but another text or time: kept both`]);
  });

  it("counts once a file given twice whose messages clash with another file's, and a line repeated as it is", async () => {
    const line = (text: string) => JSON.stringify({ id: 'm1', group_id: 'G1', sender_id: 'U1', ts: 1795439100, text });
    const dir = tempDir({
      'a.jsonl': line('请全体同事今晚十点前完成打卡并截图发群里'),
      'b.jsonl': line('请全体同事今晚十一点前完成打卡并截图发群里'),
      'one.jsonl': [line('请全体同事今晚十点前完成打卡并截图发群里'), line('好的'), line('好的'), line('请全体同事今晚十点前完成打卡并截图发群里')].join('\n'),
    });
    const [a, b] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
    const warned: string[] = [];
    const { report, repeated } = await runAudit([a, b, b], { config: defaultConfig(), warn: (l) => warned.push(l) });
    expect([report.messages, repeated]).toEqual([2, 1]);
    expect(warned).toEqual([`${b}: 1 message with the platform, group and id of one read before from ${a} but another text or time: kept both`]);
    const one = await runAudit([join(dir, 'one.jsonl')], { config: defaultConfig() });
    expect([one.report.messages, one.repeated]).toEqual([2, 2]);
  });

  it('finds no ack storm in replies of two groups to demands they number alike', async () => {
    const T0 = Date.parse('2026-11-23T10:00:00+08:00') / 1000;
    const chat = (group: string) =>
      [
        JSON.stringify({ id: '1', group_id: group, sender_id: 'boss', ts: T0, text: '请大家今晚十点前完成打卡，收到请回复' }),
        ...['u1', 'u2', 'u3'].map((u, i) => JSON.stringify({ id: `${i + 2}`, group_id: group, sender_id: u, ts: T0 + 60 + i, text: '收到', reply_to: '1' })),
      ].join('\n');
    const dir = tempDir({ 'G1.jsonl': chat('G1'), 'G2.jsonl': chat('G2') });
    const { report } = await runAudit([join(dir, 'G1.jsonl'), join(dir, 'G2.jsonl')], { config: defaultConfig() });
    expect([report.messages, report.ack_storms]).toEqual([8, []]);
  });

  it('finds the same report whatever the order of the lines, ack storms included', async () => {
    const dir = tempDir();
    const T0 = Date.parse('2026-11-23T10:00:00+08:00') / 1000;
    const line = (id: string, sender: string, s: number, text: string) => JSON.stringify({ id, group_id: 'G1', sender_id: sender, ts: T0 + s, text });
    const lines = [
      line('m1', 'boss', 0, '请大家今晚十点前完成打卡，收到请回复'),
      ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((u, i) => line(`a${i}`, u, 60 + i, '收到')),
    ];
    const ordered = join(dir, 'ordered.jsonl');
    const reversed = join(dir, 'reversed.jsonl');
    writeFileSync(ordered, lines.join('\n'));
    writeFileSync(reversed, [...lines].reverse().join('\n'));
    const config = defaultConfig();
    const { report } = await runAudit([ordered], { config });
    expect(report.ack_storms).toEqual([{ message_id: 'm1', acks: 6 }]);
    expect((await runAudit([reversed], { config })).report).toEqual(report);
  });

  it('finds a storm of acks written with emoji, stickers, thanks and name tags', async () => {
    const T0 = Date.parse('2026-11-23T10:00:00+08:00') / 1000;
    const line = (id: string, sender: string, s: number, text: string) => JSON.stringify({ id, group_id: 'G1', sender_id: sender, ts: T0 + s, text });
    const acks = ['收到👍', '张三收到', '收到[抱拳]', '好的👌', '三年级2班王五家长收到', '1️⃣', '收到，谢谢老师'];
    const file = join(tempDir(), 'group.jsonl');
    writeFileSync(
      file,
      [
        line('m1', 'boss', 0, '请大家今晚十点前完成打卡，收到请回复'),
        ...acks.map((text, i) => line(`a${i}`, `u${i}`, 60 + i, text)),
        line('q1', 'u9', 90, '收到，我明天交不了'),
      ].join('\n'),
    );
    const { report } = await runAudit([file], { config: defaultConfig() });
    expect(report.ack_storms).toEqual([{ message_id: 'm1', acks: acks.length }]);
  });

  it('names the members a demand names in the evidence as 成员N in a Chinese report, Member N in an English one', async () => {
    const dir = tempDir();
    const file = join(dir, 'group.jsonl');
    const line = (id: string, sender: string, name: string, s: number, text: string) =>
      JSON.stringify({ id, group_id: 'G1', group_name: '卫健群', sender_id: sender, sender_name: name, ts: 1795439100 + s, text });
    writeFileSync(
      file,
      [line('m1', 'U2', '李四', 0, '今天食堂有饺子'), line('m2', 'U1', '张主任', 60, '请全体同事今晚十点前完成打卡，李四上周没打卡被通报了')].join('\n'),
    );
    const csv = (lang?: 'zh' | 'en') => {
      const path = join(dir, `evidence-${lang ?? 'auto'}.csv`);
      return runAudit([file], { config: defaultConfig(), evidencePath: path, lang }).then(() => readFileSync(path, 'utf8'));
    };
    const auto = await csv();
    expect(auto).toMatch(/成员1上周没打卡/);
    expect(auto).not.toContain('李四');
    expect(await csv('en')).toMatch(/Member 1上周没打卡/);
  });

  it('hides in the evidence members named in traditional characters, as in simplified, the text around kept as written', async () => {
    const dir = tempDir();
    const file = join(dir, 'group.jsonl');
    const line = (id: string, sender: string, name: string, s: number, text: string) =>
      JSON.stringify({ id, group_id: 'G1', group_name: '工作群', sender_id: sender, sender_name: name, ts: 1795439100 + s, text });
    writeFileSync(
      file,
      [
        line('m1', 'U1', '张三', 0, '收到'),
        line('m2', 'U2', '李四', 1, '好的'),
        line('m3', 'U3', '王书记', 60, '請各位今天下班前填報統計表，張三、李四還沒交的明天通報'),
      ].join('\n'),
    );
    const path = join(dir, 'evidence.csv');
    await runAudit([file], { config: defaultConfig(), evidencePath: path });
    const texts = (parse(readFileSync(path, 'utf8').slice(1), { columns: true }) as Record<string, string>[]).map((r) => r['demand text']);
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts)).toEqual(new Set(['請各位今天下班前填報統計表，成员1、成员2還沒交的明天通報']));
  });

  it('hides in the evidence a listed member mentioned by id, though the export never names them', async () => {
    const dir = tempDir();
    const file = join(dir, 'group.jsonl');
    const members = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];
    const text = 'Everyone must fill in the survey by 5pm and send it to U2';
    writeFileSync(file, JSON.stringify({ id: 'm1', group_id: 'G1', group_name: 'ops', sender_id: 'U1', sender_name: 'Alice', ts: 1795439100, text, members }));
    const path = join(dir, 'evidence.csv');
    await runAudit([file], { config: defaultConfig(), evidencePath: path, lang: 'en' });
    const csv = readFileSync(path, 'utf8');
    expect(csv).toContain('send it to Member 1');
    expect(csv).not.toMatch(/\bU2\b/);
  });

  it("reads a Slack export's mentions as its users.json names, and hides every one in the evidence, labelled or not listed", async () => {
    const users = [
      { id: 'U1', name: 'user1', profile: { display_name: 'alice' } },
      { id: 'U2', name: 'user2', profile: { display_name: 'bob' } },
      { id: 'U4', name: 'user4', profile: { display_name: 'dave' } },
    ];
    const text = '<@U2> <@U3> <@U4|davey> <@U9|zed> and everyone: please fill in the expense form by 5pm today';
    const dir = tempDir({
      'users.json': JSON.stringify(users),
      'channels.json': JSON.stringify([{ id: 'C1', name: 'general', members: ['U1', 'U2', 'U3', 'U4'] }]),
      'general/2026-11-30.json': JSON.stringify([{ type: 'message', user: 'U1', ts: '1795930000.000100', text }]),
    });
    const path = join(tempDir(), 'evidence.csv');
    const { details } = await runAudit([dir], { config: defaultConfig(), evidencePath: path, lang: 'en' });
    // The report's quotes read as Slack shows them: by the users' names, not the label frozen in the text.
    expect(JSON.stringify(details)).toContain('@bob @U3 @dave @U9 and everyone');
    const texts = (parse(readFileSync(path, 'utf8').slice(1), { columns: true }) as Record<string, string>[]).map((r) => r['demand text']);
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts)).toEqual(new Set(["'@Member 1 @Member 2 @Member 3 @Member 4 and everyone: please fill in the expense form by 5pm today"]));
  });

  it('refuses a message over 1 MiB of UTF-8 alike in every format, by file and place, and with skip-bad reads the rest', async () => {
    // 390,000 characters, under a million, but 1.17 MB as the file holds them.
    const huge = '各科室要认真学习文件精神。'.repeat(30_000);
    const small = '请各位今晚十点前完成打卡';
    const [t1, t2] = [1795439100, 1795439160];
    const dir = tempDir({
      'csv/群_utf8.csv': [
        'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender',
        `1,g@chatroom,1,0,0,${t1},2,${huge},,,z,wxid_a`,
        `2,g@chatroom,1,0,0,${t2},2,${small},,,z,wxid_a`,
      ].join('\n'),
      'g.jsonl': [huge, small].map((text, i) => JSON.stringify({ id: `m${i}`, group_id: 'G', sender_id: 'a', ts: t1 + i, text })).join('\n'),
      'g.json': JSON.stringify({
        chatlab: { version: '0.0.2' },
        meta: { name: 'g', platform: 'qq', type: 'group' },
        messages: [huge, small].map((content, i) => ({ sender: 'a', timestamp: t1 + i, type: 0, content })),
      }),
      'slack/channels.json': JSON.stringify([{ id: 'C1', name: 'ops', members: ['U1'] }]),
      'slack/ops/2026-11-30.json': JSON.stringify([huge, small].map((text, i) => ({ type: 'message', user: 'U1', ts: `${t1 + i}.000100`, text }))),
    });
    const paths = ['csv/群_utf8.csv', 'g.jsonl', 'g.json', 'slack'].map((p) => join(dir, p));
    for (const path of paths) {
      await expect(runAudit([path], { config: defaultConfig(), worker: false }), path).rejects.toThrow(/larger than 1 MiB|longer than 1 MiB/);
    }
    const lines: string[] = [];
    const { report, skipped } = await runAudit(paths, { config: defaultConfig(), skipBad: true, warn: (l) => lines.push(l), worker: false });
    expect(skipped).toBe(4);
    expect(report.messages).toBe(4);
    expect(lines).toEqual([
      `skipped ${paths[0]}:2: row larger than 1 MiB`,
      `skipped ${paths[1]}:1: line longer than 1 MiB`,
      `skipped ${paths[2]}: messages[0]: entry larger than 1 MiB`,
      `skipped ${paths[3]}: ops/2026-11-30.json[0]: entry larger than 1 MiB`,
    ]);
  });

  it('reads a Slack export the same zipped as unpacked', async () => {
    const zip = join(tempDir(), 'slack.zip');
    writeFileSync(zip, zipOf(filesOf(SLACK)));
    const config = defaultConfig();
    expect((await runAudit([zip], { config })).report).toEqual((await runAudit([SLACK], { config })).report);
  });

  it('makes one report of several exports: a demand repeated across them is a duplicate, overlapping channels sprawl', async () => {
    const { report } = await runAudit([SLACK, WECHAT, CHATLAB], { config: defaultConfig() });
    expect(report.groups.map((g) => g.id).sort()).toEqual(['38988428513@chatroom', 'C01', 'C02', '教务通知群/12']);
    // The same clock-in demand in the WeChat group, the ChatLab group and Slack's #ops-copy.
    expect(report.duplicates).toContainEqual({
      message_ids: expect.arrayContaining(['教务通知群/12/2', 'm1', 'C02/1795483800.000100']),
      groups: expect.arrayContaining(['教务通知群/12', '38988428513@chatroom', 'C02']),
    });
    // #ops and #ops-copy have the same four members.
    expect(report.sprawl).toEqual([{ groups: ['C01', 'C02'], overlap: 1 }]);
    // 21:05 in Shanghai is after work hours.
    expect(report.after_hours).toBeGreaterThanOrEqual(2);
  });

  it('sizes a group by those seen speaking but compares no such groups for sprawl, as the bot does', async () => {
    // Two WeChatMsg exports, which list no members: the same three staff speak in both parents' groups.
    const header = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n';
    const rows = (room: string, t: number): string =>
      header +
      [
        ['请各位家长今晚十点前完成安全教育平台学习，截图发群里', '校长', 'wxid_principal'],
        ['通知：本周五下午召开家长会', '教导主任', 'wxid_dean'],
        ['好的', '班主任', 'wxid_t'],
      ]
        .map(([text, nick, sender], i) => `${i + 1},${room},1,0,0,${t + i * 60},2,${text},,,${nick},${sender}`)
        .join('\n');
    const dir = tempDir({ '一年级家长群.csv': rows('111@chatroom', 1795399200), '二年级家长群.csv': rows('222@chatroom', 1795485600) });
    const { report } = await runAudit([join(dir, '一年级家长群.csv'), join(dir, '二年级家长群.csv')], { config: defaultConfig() });
    expect([report.groups.map((g) => g.members), report.sprawl]).toEqual([[3, 3], []]);
  });

  it('writes the evidence bundle: a row per finding of each flagged message, names replaced', async () => {
    const path = join(tempDir(), 'evidence.csv');
    const { report, evidenceRows } = await runAudit([WECHAT, CHATLAB], { config: defaultConfig(), evidencePath: path });
    const rows = parse(readFileSync(path).subarray(3)) as string[][];
    expect(rows[0]).toEqual(['date', 'group', 'category', 'rule', 'demand text', 'recipients']);
    expect(rows.length - 1).toBe(evidenceRows);
    const categories = Object.values(report.by_category).reduce((a, b) => a + b, 0);
    expect(evidenceRows).toBeGreaterThanOrEqual(categories);
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(expect.arrayContaining(['check-in']));
    for (const r of rows.slice(1)) {
      expect(r[0]).toMatch(/^2026-11-23T21:05:00\+08:00$/);
      expect(r[5]).toBe('3');
      expect(r.join(' ')).not.toMatch(/张主任|zhangzr|wxid_/);
    }
  });

  it('stops on a broken entry, or with skipBad counts it and reports it', async () => {
    const broken = fixture('contract-broken.jsonl');
    await expect(runAudit([broken], { config: defaultConfig() })).rejects.toThrow(/contract-broken\.jsonl:2: invalid JSON/);
    const warnings: string[] = [];
    const result = await runAudit([broken, fixture('chatlab-broken/truncated.json')], {
      config: defaultConfig(),
      skipBad: true,
      warn: (l) => warnings.push(l),
    });
    expect(result.skipped).toBe(3);
    expect(result.report.messages).toBe(2 + 3);
    expect(warnings).toHaveLength(3);
  });
});
