import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import type { Recipient } from '../../src/digest/recipients.js';
import { digestText } from '../../src/digest/render-text.js';
import { digestChartSvg } from '../../src/digest/chart.js';
import { demand, record } from '../analysis/report/records.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import { missedReport, rec, tempStore } from '../store/fixtures.js';
import { describeEngines } from '../support/databases.js';
import { digestStore, FILL_FORM, seedNamedGroups, seedWeek, w47 } from './fixture.js';

// Figures checked by hand: ops 57 × (2 + 3) + 57 × 15 = 1140 person-minutes (yellow from 600),
// hr 19 × 15 + 19 × 3 = 342, total 1482 = 24.7 h; each earlier week 855 = 14.25 h, so +73%; one of
// four demands (21:05) after hours. tiny (3 people), a lone small group, is counted nowhere: its
// acknowledgement would be a line of its own, or the difference of a line it joined.
const ZH = [
  '【指尖减负周报】2026年第47周（11月16日—22日）',
  '本周形式主义要求 4 条，约 24.7 人·小时。',
  '前四周平均 14.3 人·小时（+73%）。',
  '在非工作时间发出或要求完成的 1 条（占 25%）。',
  '',
  '按类别：',
  '  填表报数：2 条，19.0 人·小时',
  '  截图留痕：1 条，2.9 人·小时',
  '  打卡签到：1 条，1.9 人·小时',
  '  点赞转发：1 条，1.0 人·小时',
  '',
  '按群组：',
  '  🟡 ops：2 条，19.0 人·小时',
  '  🟢 hr：2 条，5.7 人·小时',
  '',
  '趋势（人·小时）：',
  '  第43周 14.3 → 第44周 14.3 → 第45周 14.3 → 第46周 14.3 → 第47周 24.7',
  '',
  '多头填报：',
  '  ops、hr重复发出相同要求',
  '',
  '回复刷屏：',
  '  ops：一条要求后跟了 6 条“收到”',
  '',
  '群组重叠：',
  '  ops、ops-copy成员重合 86%',
  '',
  '成员匿名反映：',
  '  「主任要求每天在三个群里重复报体温」',
  '',
  '负担最重的要求：',
  '  1. 「请各位今天下班前填写附件统计表并上报」（ops，11月17日 10:00，约 14.3 人·小时，规则 data-request/test）',
  '  2. 「请全体同事今晚十点前完成打卡并截图发群里」（ops，11月16日 21:05，约 4.8 人·小时，规则 check-in/test、proof-demand/test）',
  '  3. 「请各位今天下班前填写附件统计表并上报」（hr，11月17日 11:00，约 4.8 人·小时，规则 data-request/test）',
  '',
  '为保护成员隐私，不足 5 人的群未计入本周报。',
  '',
  '评级标准：每个群每周负担达 3,000 人·分钟为🔴，600 人·分钟以上为🟡，其余为🟢。',
].join('\n');

const EN = [
  'Fingertip digest 2026-W47 (2026-11-16 to 2026-11-22)',
  '4 formalism demands this week, about 24.7 person-hours.',
  'Average of the previous four weeks: 14.3 person-hours (+73%).',
  'Sent after hours or due then: 1 (25%).',
  '',
  'By category:',
  '  forms and data: 2 demands, 19.0 person-hours',
  '  proof screenshots: 1 demand, 2.9 person-hours',
  '  check-ins: 1 demand, 1.9 person-hours',
  '  likes and shares: 1 demand, 1.0 person-hours',
  '',
  'By group:',
  '  🟡 ops: 2 demands, 19.0 person-hours',
  '  🟢 hr: 2 demands, 5.7 person-hours',
  '',
  'Trend (person-hours):',
  '  W43 14.3 → W44 14.3 → W45 14.3 → W46 14.3 → W47 24.7',
  '',
  'Duplicate requests:',
  '  ops, hr collected the same data',
  '',
  'Ack storms:',
  '  ops: one demand drew 6 "received" replies',
  '',
  'Overlapping groups:',
  '  ops, ops-copy share 86% of their members',
  '',
  'Anonymous leads from members:',
  '  "主任要求每天在三个群里重复报体温"',
  '',
  'Heaviest demands:',
  '  1. "请各位今天下班前填写附件统计表并上报" (ops, 11-17 10:00, about 14.3 person-hours, rule data-request/test)',
  '  2. "请全体同事今晚十点前完成打卡并截图发群里" (ops, 11-16 21:05, about 4.8 person-hours, rule check-in/test, proof-demand/test)',
  '  3. "请各位今天下班前填写附件统计表并上报" (hr, 11-17 11:00, about 4.8 person-hours, rule data-request/test)',
  '',
  "To protect members' privacy, groups under 5 people are not counted in this digest.",
  '',
  'Rating per group-week: 🔴 from 3,000 person-minutes, 🟡 from 600, else 🟢.',
].join('\n');

const boss = (over: Partial<Recipient> = {}): Recipient => ({ platform: 'test', user: 'boss', scope: {}, ...over });

describe('buildDigest + digestText', () => {
  it('gives the known digest of a fixed week, in Chinese and in English', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    const zh = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    expect(digestText(zh, config.digest.thresholds)).toBe(ZH);
    const en = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    expect(digestText(en, config.digest.thresholds)).toBe(EN);
  });

  it('takes the language from the groups when the supervisor sets none', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    expect((await buildDigest(config, store, boss(), '2026-W47')).lang).toBe('en');
    await store.updateGroupSettings('test', 'C02', (s) => ({ ...s, language: 'zh' }));
    expect((await buildDigest(config, store, boss(), '2026-W47')).lang).toBe('zh');
  });

  it("narrows to the supervisor's groups, leads included", async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    const d = await buildDigest(config, store, boss({ scope: { platform: 'test', groupIds: ['C02'] } }), '2026-W47');
    expect(d.groups.map((g) => g.name)).toEqual(['hr']);
    expect(d.demands).toBe(2);
    expect(d.personMinutes).toBe(342);
    expect(d.leads).toEqual([]);
  });

  it("reads only the supervisor's groups and their members, once for all its weeks, and says the same", async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    // Another platform's group of the same id is the supervisor's too where their scope names no platform.
    await store.upsertGroup({ platform: 'zzz', id: 'C02', name: 'hr2', memberCount: 30, memberIds: ['Z1'] });
    const read: string[][] = [];
    const watched = new Proxy(store, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key);
        if (key !== 'groups' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const groups = (await value.apply(target, args)) as Awaited<ReturnType<typeof store.groups>>;
          read.push(groups.map((g) => `${g.platform}/${g.id}:${g.memberIds.length}`));
          return groups;
        };
      },
    });
    const d = await buildDigest(config, watched, boss({ lang: 'zh', scope: { groupIds: ['C02'] } }), '2026-W47');
    // Before, every group's members were read six times: once for the digest, once for each week's report.
    expect(read).toEqual([['test/C02:20', 'zzz/C02:1']]);
    expect(d.groups.map((g) => g.name)).toEqual(['hr']);
    // Its groups read by id say what reading them all does.
    const every = { platform: 'test', groupIds: ['C01', 'C02', 'C03', 'C04'] };
    expect(digestText(await buildDigest(config, store, boss({ lang: 'zh', scope: every }), '2026-W47'), config.digest.thresholds)).toBe(ZH);
  });

  it("says how many of the week's messages members corrected or reported missed, in the supervisor's groups", async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    // A form of W46 corrected (another week), and in W47 one chat message of ops reported missed twice.
    await store.add(record({ platform: 'test', id: 'q1', groupId: 'C01', senderId: 'U5', ts: w47(2, 9) }));
    await store.markFalsePositive('test', 'old1', null, 'U9');
    const q1 = {
      platform: 'test',
      messageId: 'q1',
      senderId: 'U5',
      text: 'everyone fill the roster',
      categories: ['data-request' as const],
      sentAt: w47(2, 9),
    };
    await store.reportMissed(missedReport({ ...q1, byUser: 'U9' }));
    await store.reportMissed(missedReport({ ...q1, byUser: 'U8' }));
    await store.markFalsePositive('test', 'd1', null, 'U9');
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    expect(d.feedback).toEqual({ corrected: 1, missed: 1, correctedBySender: 0 });
    expect(digestText(d, config.digest.thresholds)).toContain(
      "\n\nMembers' feedback: 1 flagged message marked not formalism (no longer counted), 1 demand reported missed (not counted; kept to improve the flags).\n",
    );
    const hr = await buildDigest(config, store, boss({ scope: { platform: 'test', groupIds: ['C02'] } }), '2026-W47');
    expect(hr.feedback).toEqual({ corrected: 0, missed: 0, correctedBySender: 0 });
    expect(digestText(hr, config.digest.thresholds)).not.toContain('feedback');
    const zh = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    expect(digestText(zh, config.digest.thresholds)).toContain('成员反馈：1 条被标为误报（已不计入），1 条被报为漏报（不计入，用于改进识别）。');
    // A sender who un-counts their own demand can: the supervisor is told how often it happened.
    await store.markFalsePositive('test', 'd1', null, 'U1');
    const own = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    expect(digestText(own, config.digest.thresholds)).toContain('成员反馈：1 条被标为误报（已不计入，其中 1 条由发送人自己标记），');
  });

  it('says "1 formalism demand", singular, for a week of one', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    const d = await buildDigest(config, store, boss({ lang: 'en', scope: { platform: 'test', groupIds: ['C01'] } }), '2026-W46');
    expect(digestText(d, config.digest.thresholds).split('\n')[1]).toBe('1 formalism demand this week, about 14.3 person-hours.');
  });

  it('says "nothing flagged" for an empty week', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W48');
    // tiny (3 people) is in its scope, demands or not: the line that its figures are not counted stays.
    expect(digestText(d, config.digest.thresholds)).toBe(
      [
        'Fingertip digest 2026-W48 (2026-11-23 to 2026-11-29)',
        'Nothing flagged this week.',
        '',
        "To protect members' privacy, groups under 5 people are not counted in this digest.",
      ].join('\n'),
    );
  });
});

describe('privacy', () => {
  it('names no member by default and leaves out groups under 5 people, though two of them hold 5 people between them', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    // With tiny's 3, pair's 2 are 5 people: before, they were shown together as "other".
    await store.upsertGroup({ platform: 'test', id: 'C05', name: 'pair', memberCount: 2, memberIds: ['P1', 'P2'] });
    const pair = { platform: 'test', groupId: 'C05', groupName: 'pair', senderId: 'P1', senderName: 'Sun', recipients: 1 };
    await store.add(demand({ ...pair, id: 'p1', ts: w47(2, 10), text: FILL_FORM }, ['data-request']));
    await store.flush();
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    const text = digestText(d, config.digest.thresholds);
    for (const name of ['Li', 'Wang', 'Zhao', 'Chen', 'Sun', 'tiny', 'pair']) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(d.senders).toBeUndefined();
    expect([d.demands, d.groups.map((g) => g.name), d.smallGroupsLeftOut]).toEqual([4, ['ops', 'hr'], true]);
    expect(text).not.toContain('under 5 people)');
  });

  it('gives two supervisors whose scopes differ by one small group the same figures, whatever small groups they share', async () => {
    const { config, store } = await digestStore((c) => (c.digest.detail = 'senders'));
    await seedWeek(store);
    // Beside tiny (3 people), pair (2) and trio (3) send a demand each: any two of them are 5 people or more.
    await store.upsertGroup({ platform: 'test', id: 'C05', name: 'pair', memberCount: 2, memberIds: ['P1', 'P2'] });
    await store.upsertGroup({ platform: 'test', id: 'C06', name: 'trio', memberCount: 3, memberIds: ['R1', 'R2', 'R3'] });
    const pair = { platform: 'test', groupId: 'C05', groupName: 'pair', senderId: 'P1', senderName: 'Sun', recipients: 1 };
    const trio = { platform: 'test', groupId: 'C06', groupName: 'trio', senderId: 'R1', senderName: 'Qian', recipients: 2 };
    await store.add(demand({ ...pair, id: 'p1', ts: w47(2, 10), text: FILL_FORM }, ['data-request']));
    await store.add(demand({ ...trio, id: 'r1', ts: w47(3, 22), text: '大家给这篇文章点赞转发' }, ['like-quota']));
    await store.flush();
    const scope = (groupIds: string[], lang: 'zh' | 'en') => boss({ lang, scope: { platform: 'test', groupIds } });
    for (const lang of ['zh', 'en'] as const) {
      const all = await buildDigest(config, store, scope(['C01', 'C02', 'C03', 'C04', 'C05', 'C06'], lang), '2026-W47');
      const lessTrio = await buildDigest(config, store, scope(['C01', 'C02', 'C03', 'C04', 'C05'], lang), '2026-W47');
      const large = await buildDigest(config, store, scope(['C01', 'C02', 'C04'], lang), '2026-W47');
      // Before, the one's "other" held trio and the other's not: their difference was trio's figures.
      expect(all).toEqual(lessTrio);
      expect(all).toEqual({ ...large, smallGroupsLeftOut: true });
      expect(digestText(all, config.digest.thresholds)).toBe(digestText(lessTrio, config.digest.thresholds));
      expect(digestChartSvg(all, lang)).toBe(digestChartSvg(large, lang));
    }
  });

  it("leaves a lone group under 5 people out of every figure, so that no two figures' difference is its own", async () => {
    const { config, store } = await digestStore((c) => (c.digest.detail = 'senders'));
    const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    await store.upsertGroup({ platform: 'test', id: 'L1', name: 'big1', memberCount: 20, memberIds: people('A', 20) });
    await store.upsertGroup({ platform: 'test', id: 'L2', name: 'big2', memberCount: 10, memberIds: people('B', 10) });
    await store.upsertGroup({ platform: 'test', id: 'S', name: 'small', memberCount: 3, memberIds: people('S', 3) });
    const inGroup = (groupId: string, name: string, senderId: string, recipients: number) => ({
      platform: 'test',
      groupId,
      groupName: name,
      senderId,
      senderName: `N${senderId}`,
      recipients,
    });
    await store.add(demand({ ...inGroup('L1', 'big1', 'A1', 19), id: 'a', ts: w47(1, 10), text: FILL_FORM }, ['data-request']));
    await store.add(demand({ ...inGroup('L2', 'big2', 'B1', 9), id: 'b', ts: w47(1, 11), text: '大家给这篇文章点赞转发' }, ['like-quota']));
    // small's form, sent after hours, and a demand a member of it reported missed.
    await store.add(demand({ ...inGroup('S', 'small', 'S1', 2), id: 'c', ts: w47(1, 22), text: `${FILL_FORM}今晚` }, ['data-request']));
    await store.add(demand({ ...inGroup('S', 'small', 'S1', 2), id: 'e', ts: w47(1 - 7, 10), text: FILL_FORM }, ['data-request']));
    await store.add(record({ ...inGroup('S', 'small', 'S2', 2), id: 'm', ts: w47(2, 10) }));
    await store.flush();
    const m = { platform: 'test', messageId: 'm', senderId: 'S2', text: '每人今天必须转发三次', categories: ['like-quota' as const], sentAt: w47(2, 10) };
    await store.reportMissed(missedReport({ ...m, byUser: 'S3' }));
    const scope = (groupIds: string[], lang: 'zh' | 'en') => boss({ lang, scope: { platform: 'test', groupIds } });
    for (const lang of ['zh', 'en'] as const) {
      const withSmall = await buildDigest(config, store, scope(['L1', 'L2', 'S'], lang), '2026-W47');
      const without = await buildDigest(config, store, scope(['L1', 'L2'], lang), '2026-W47');
      // Before, "forms and data 2" less big1's row, the after-hours line and the feedback line were small's.
      expect(withSmall).toEqual({ ...without, smallGroupsLeftOut: true });
      expect([withSmall.demands, withSmall.afterHours, withSmall.feedback.missed, withSmall.trend[3].demands]).toEqual([2, 0, 0, 0]);
      const text = digestText(withSmall, config.digest.thresholds);
      const note = lang === 'zh' ? '为保护成员隐私，不足 5 人的群未计入本周报。' : 'groups under 5 people are not counted in this digest';
      expect(text).toContain(note);
      expect(text.replace(/\n\n[^\n]*(不足 5 人的群未计入|not counted in this digest)[^\n]*/, '')).toBe(digestText(without, config.digest.thresholds));
      expect(digestChartSvg(withSmall, lang)).toBe(digestChartSvg(without, lang));
    }
  });

  it('holds back every figure of a digest whose groups are all under 5 people, saying why, its leads kept', async () => {
    const { config, store } = await digestStore((c) => (c.digest.detail = 'senders'));
    await seedWeek(store);
    await store.upsertGroup({ platform: 'test', id: 'S1', name: '小组', memberCount: 3 });
    const s1 = { platform: 'test', groupId: 'S1', groupName: '小组', senderId: 'S1a', senderName: '王组长', recipients: 2 };
    for (const week of [0, 1]) {
      const text = `请大家今晚十点前完成健康打卡，截图发群里（${week}）`;
      await store.add(demand({ ...s1, id: `s${week}`, ts: w47(2 - 7 * week, 10), text }, ['check-in', 'proof-demand']));
    }
    // A member's feedback is a figure too.
    await store.add(record({ ...s1, id: 'q1', senderId: 'S1b', ts: w47(3, 9) }));
    const q1 = { platform: 'test', messageId: 'q1', senderId: 'S1b', text: '大家把表填了', categories: ['data-request' as const], sentAt: w47(3, 9) };
    await store.reportMissed(missedReport({ ...q1, byUser: 'S1c' }));
    await store.addLead('test', 'S1', '每天都要截图', w47(3, 12));
    await store.flush();
    // The small groups of another platform with the same id do not make it large.
    await store.upsertGroup({ platform: 'zzz', id: 'S1', name: 'big', memberCount: 40 });
    const small = boss({ scope: { platform: 'test', groupIds: ['S1', 'C03'] } });
    const zh = await buildDigest(config, store, { ...small, lang: 'zh' }, '2026-W47');
    expect(digestText(zh, config.digest.thresholds)).toBe(
      [
        '【指尖减负周报】2026年第47周（11月16日—22日）',
        '本周报所含的群都不足 5 人，为保护成员隐私，不显示任何统计数字。',
        '',
        '成员匿名反映：',
        '  「每天都要截图」',
      ].join('\n'),
    );
    const en = await buildDigest(config, store, { ...small, lang: 'en' }, '2026-W47');
    expect(digestText(en, config.digest.thresholds)).toBe(
      [
        'Fingertip digest 2026-W47 (2026-11-16 to 2026-11-22)',
        "Every group of this digest has fewer than 5 people: to protect members' privacy, it shows no figures.",
        '',
        'Anonymous leads from members:',
        '  "每天都要截图"',
      ].join('\n'),
    );
    // Nothing to chart or count from: the figures are not in the digest at all.
    expect(en).toMatchObject({ demands: 0, personMinutes: 0, afterHours: 0, categories: [], groups: [], trend: [], examples: [] });
    expect([en.senders, en.feedback]).toEqual([undefined, { corrected: 0, missed: 0, correctedBySender: 0 }]);
    // With a group of 5 or more in scope, the lone small one is left out of its figures.
    const withHr = await buildDigest(config, store, boss({ lang: 'en', scope: { platform: 'test', groupIds: ['S1', 'C02'] } }), '2026-W47');
    expect([withHr.demands, withHr.groups.map((g) => [g.name, g.demands]), withHr.smallGroupsLeftOut]).toEqual([2, [['hr', 2]], true]);
  });

  it('leaves out a duplicate or an overlap between small groups', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    const four = ['S1', 'S2', 'S3', 'S4'];
    for (const id of ['small-a', 'small-b']) await store.upsertGroup({ platform: 'test', id, name: id, memberCount: 4, memberIds: four });
    const text = '请各位今天下班前把本周的值班表填好发群里';
    await Promise.all(
      ['small-a', 'small-b'].map((groupId, i) =>
        store.add(
          demand({ platform: 'test', groupId, groupName: groupId, senderId: 'S1', recipients: 3, id: `small-${i}`, ts: w47(2, 10 + i), text }, [
            'data-request',
          ]),
        ),
      ),
    );
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    expect(d.duplicates).toEqual([['ops', 'hr']]);
    expect(d.sprawl.map((s) => s.groups)).toEqual([['ops', 'ops-copy']]);
    expect(digestText(d, config.digest.thresholds)).not.toContain('small-');
  });

  it('names no sender, duplicate, ack storm or overlap of a small group, alone or beside other small groups', async () => {
    const { config, store } = await digestStore((c) => (c.digest.detail = 'senders'));
    const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    await store.upsertGroup({ platform: 'test', id: 'C5', name: 'five', memberCount: 5, memberIds: people('F', 5) });
    await store.upsertGroup({ platform: 'test', id: 'C4', name: 'four', memberCount: 4, memberIds: people('F', 4) });
    await store.upsertGroup({ platform: 'test', id: 'C3', name: 'three', memberCount: 3, memberIds: people('T', 3) });
    const inFive = { platform: 'test', groupId: 'C5', groupName: 'five', senderId: 'F1', senderName: 'Li', recipients: 4 };
    const inFour = { platform: 'test', groupId: 'C4', groupName: 'four', senderId: 'F2', senderName: 'Sun', recipients: 3 };
    const inThree = { platform: 'test', groupId: 'C3', groupName: 'three', senderId: 'T1', senderName: 'Zhou', recipients: 2 };
    await store.add(demand({ ...inFive, id: 'f1', ts: w47(1, 10), text: FILL_FORM }, ['data-request']));
    // four sends the same form, drawing a storm of 5 bare acks from 3 members; five shares 4 of its 5 members.
    await store.add(demand({ ...inFour, id: 'q1', ts: w47(1, 11), text: FILL_FORM }, ['data-request']));
    for (const [i, [senderId, senderName]] of ['F1 Li', 'F3 Wu', 'F4 Ma', 'F1 Li', 'F3 Wu'].map((s) => s.split(' ')).entries()) {
      await store.add(record({ ...inFour, id: `qa${i}`, ts: w47(1, 11, 1 + i), senderId, senderName, isAck: true, hash: 'ack' }));
    }
    await store.add(demand({ ...inThree, id: 't1', ts: w47(2, 10), text: '请大家今晚十点前完成健康打卡' }, ['check-in']));
    await store.flush();

    // Without three, four is the only small group: left out, and no finding may name it.
    const lone = await buildDigest(config, store, boss({ lang: 'en', scope: { platform: 'test', groupIds: ['C5', 'C4'] } }), '2026-W47');
    expect(lone.groups.map((g) => [g.name, g.demands])).toEqual([['five', 1]]);
    expect([lone.duplicates, lone.ackStorms, lone.sprawl, lone.senders]).toEqual([[], [], [], [{ name: 'Li', demands: 1 }]]);
    const text = digestText(lone, config.digest.thresholds);
    for (const word of ['Sun', 'Ack storms', 'Duplicate', 'Overlapping']) expect(text).not.toContain(word);

    // With three, the small groups are 7 people: before, the findings named them as "other". Left out alike.
    expect(await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47')).toEqual(lone);
  });

  it('leaves out small groups from rows, categories and findings, their members listed or not', async () => {
    const { config, store } = await digestStore();
    const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    await store.upsertGroup({ platform: 'test', id: 'five', name: 'five', memberCount: 5, memberIds: people('F', 5) });
    await store.upsertGroup({ platform: 'test', id: 'pair-x', name: 'pair-x', memberCount: 2, memberIds: people('X', 2) });
    await store.upsertGroup({ platform: 'test', id: 'pair-y', name: 'pair-y', memberCount: 2, memberIds: people('Y', 2) });
    const inGroup = (groupId: string, senderId: string) => ({ platform: 'test', groupId, groupName: groupId, senderId, senderName: senderId, recipients: 1 });
    await store.add(demand({ ...inGroup('five', 'F1'), recipients: 4, id: 'f1', ts: w47(1, 10), text: FILL_FORM }, ['data-request']));
    // pair-x sends the same form; pair-y alone asks for likes.
    await store.add(demand({ ...inGroup('pair-x', 'X1'), id: 'x1', ts: w47(1, 11), text: FILL_FORM }, ['data-request']));
    await store.add(demand({ ...inGroup('pair-y', 'Y1'), id: 'y1', ts: w47(2, 10), text: '大家给这篇文章点赞转发' }, ['like-quota']));
    await store.flush();

    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    expect(d.groups.map((g) => [g.name, g.demands])).toEqual([['five', 1]]);
    expect(d.categories.map((c) => [c.category, c.demands])).toEqual([['data-request', 1]]);
    expect(d.duplicates).toEqual([]);
    const text = digestText(d, config.digest.thresholds);
    expect(text).toContain('\n1 formalism demand this week, about ');
    expect(text).toContain('\n  🟢 five: 1 demand, ');
    for (const word of ['pair-', 'Duplicate', 'likes']) expect(text).not.toContain(word);
    const zh = digestText(await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47'), config.digest.thresholds);
    expect(zh).toContain('\n  🟢 five：1 条，');
    expect(zh).toContain('\n\n为保护成员隐私，不足 5 人的群未计入本周报');

    // Where the platform lists no members, as many as it says: 3 and 2 people, still too few.
    for (const [id, memberCount] of [
      ['pair-x', 3],
      ['pair-y', 2],
    ] as const) {
      await store.upsertGroup({ platform: 'test', id, name: id, memberCount, memberIds: [] });
    }
    expect((await store.group('test', 'pair-x'))?.memberIds).toEqual([]);
    const unlisted = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    expect([unlisted.demands, unlisted.groups.map((g) => [g.name, g.demands])]).toEqual([1, [['five', 1]]]);
  });

  it('lists senders of demands only when config allows, never members who sent none, never opted-out ones', async () => {
    const { config, store } = await digestStore((c) => (c.digest.detail = 'senders'));
    await seedWeek(store);
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    // Zhao sent only in tiny (3 people), a group the digest folds: naming him would point at it.
    expect(d.senders).toEqual([
      { name: 'Li', demands: 2 },
      { name: 'Wang', demands: 2 },
    ]);
    await store.setOptOut('test', 'U2', true);
    // Sent after the opt-out, so stored under an anonymous id: counted, and no more listed than Wang.
    const hr = { platform: 'test', groupId: 'C02', groupName: 'hr', senderId: 'U2', senderName: 'Wang', recipients: 19 };
    await store.add(demand({ ...hr, id: 'after-optout', ts: w47(2, 10), text: '请各位今天下班前填写附件统计表并上报' }, ['data-request']));
    const after = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    expect(after.senders).toEqual([{ name: 'Li', demands: 2 }]);
    // Wang's demands still count but are not quoted; tiny's, a lone group too small to show, count nowhere.
    expect(after.demands).toBe(5);
    expect(after.examples.map((e) => [e.text, e.group])).toEqual([
      ['请各位今天下班前填写附件统计表并上报', 'ops'],
      ['请全体同事今晚十点前完成打卡并截图发群里', 'ops'],
    ]);
  });

  it('quotes a demand without the names of the members it names, who become Member N (成员N)', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    // Another platform's group of the same id: the names are looked up in the demand's own group.
    await store.upsertGroup({ platform: 'aaa', id: 'C01', name: 'elsewhere', memberCount: 9 });
    const text = '请全体同事今天下班前把周报表格填好上报，Chen 上周没交，被通报了';
    await store.add(
      demand({ platform: 'test', groupId: 'C01', groupName: 'ops', senderId: 'U1', senderName: 'Li', recipients: 57, id: 'd9', ts: w47(4, 10), text }, [
        'data-request',
        'ranking-pressure',
      ]),
    );
    const en = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    expect(en.examples[0].text).toBe('请全体同事今天下班前把周报表格填好上报，Member 1 上周没交，被通报了');
    const zh = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    expect(zh.examples[0].text).toBe('请全体同事今天下班前把周报表格填好上报，成员1 上周没交，被通报了');
    expect(JSON.stringify([en, zh])).not.toContain('Chen');
  });

  it('hides in quotes and leads alike the members any of its groups knows, by name or by id', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    // Wang is known in hr, not in ops; H1 is listed in hr with no name, mentioned by id.
    const text = '请全体同事今天下班前把周报表格填好上报，Wang 和 <@H1> 上周没交';
    await store.add(
      demand({ platform: 'test', groupId: 'C01', groupName: 'ops', senderId: 'U1', senderName: 'Li', recipients: 57, id: 'd9', ts: w47(4, 10), text }, [
        'data-request',
      ]),
    );
    await store.addLead('test', 'C01', 'Chen 说 Wang 每天逼大家截图', w47(4, 13));
    const d = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    // One pseudonym a person throughout: Wang is 成员2 in the lead and in the quote.
    expect(d.leads).toContain('成员1 说 成员2 每天逼大家截图');
    expect(d.examples.map((e) => e.text)).toContain('请全体同事今天下班前把周报表格填好上报，成员2 和 <@成员3> 上周没交');
    expect(JSON.stringify(d)).not.toMatch(/Wang|Chen|H1\b/);
  });

  it('hides in quotes and leads the name of a member who opted out or was forgotten, though the store keeps it no more', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    // Chen (U20) chats in ops; 小红 writes once in hr. Then one opts out and the other is forgotten.
    await store.add(record({ platform: 'test', groupId: 'C02', groupName: 'hr', senderId: 'H5', senderName: '周小红', id: 'x1', ts: w47(1, 8) }));
    const text = '请全体同事今天下班前把周报表格填好上报，Chen 和周小红上周没交';
    await store.add(
      demand({ platform: 'test', groupId: 'C01', groupName: 'ops', senderId: 'U1', senderName: 'Li', recipients: 57, id: 'd9', ts: w47(4, 10), text }, [
        'data-request',
        'ranking-pressure',
      ]),
    );
    await store.addLead('test', 'C01', '周小红说每天都要截图', w47(4, 13));
    await store.setOptOut('test', 'U20', true);
    await store.forgetUser('test', 'H5');
    const d = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    // One pseudonym a person throughout: 周小红 is 成员2 in the quote (read first) and in the lead.
    expect(d.examples.map((e) => e.text)).toContain('请全体同事今天下班前把周报表格填好上报，成员1 和成员2上周没交');
    expect(d.leads).toContain('成员2说每天都要截图');
    expect(JSON.stringify(d)).not.toMatch(/Chen|周小红/);
  });

  it("quotes no part of a forgotten member's name that a long message's start would cut", async () => {
    const { config, store } = await digestStore();
    await store.upsertGroup({
      platform: 'test',
      id: 'G1',
      name: '一组',
      memberCount: 10,
      memberIds: ['Z1', 'L1', ...Array.from({ length: 8 }, (_, i) => `M${i}`)],
    });
    const g1 = { platform: 'test', groupId: 'G1', groupName: '一组' };
    await store.add(record({ ...g1, senderId: 'Z1', senderName: '欧阳小明', id: 'm1', ts: w47(0, 9) }));
    // The 160 units a long message shows of its start end inside the name, and flatten to a few characters.
    const text = `通知\r\n${'\r\n'.repeat(76)}：@欧阳小明 ${'请各位老师于今天下午五点前把表格填好发到群里，'.repeat(30)}请把截图发群里`;
    await store.add(demand({ ...g1, senderId: 'L1', senderName: '李四', recipients: 9, id: 'd1', ts: w47(1, 10), text }, ['proof-demand'], '截图'));
    await store.forgetUser('test', 'Z1');
    const d = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    expect(d.examples.map((e) => e.text.slice(0, 9))).toEqual(['通知 ：@成员1…']);
    expect(JSON.stringify(d)).not.toMatch(/欧阳/);
  });

  it('hides in leads the members named in traditional characters, known by their simplified names', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    const names = ['王书记', '张三', '李四'];
    for (const [i, name] of names.entries())
      await store.add(record({ platform: 'test', groupId: 'C01', groupName: 'ops', senderId: `U3${i}`, senderName: name, id: `n${i}`, ts: w47(1, 8 + i) }));
    await store.addLead('test', 'C01', '反映：王書記每天讓張三和李四晚上打卡', w47(4, 13));
    const d = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    expect(d.leads).toContain('反映：成员1每天讓成员2和成员3晚上打卡');
  });

  it('hides in quotes and leads a member the group knows only from an earlier week, as `stats group` does', async () => {
    const { config, store } = await digestStore();
    // No member list (DingTalk robots, the shell): 李四 is known only by what he said in W47.
    await store.upsertGroup({ platform: 'test', id: 'g1', name: '一组', memberCount: 10 });
    const g1 = { platform: 'test', groupId: 'g1', groupName: '一组' };
    await store.add(record({ ...g1, senderId: 'u3', senderName: '李四', id: 'm1', ts: w47(1, 9), text: '好的' }));
    const text = '@李四 @王小明 请今晚十点前完成健康打卡，截图发群里';
    await store.add(demand({ ...g1, senderId: 'u1', senderName: '张科长', recipients: 9, id: 'd1', ts: w47(8, 10), text }, ['check-in']));
    await store.addLead('test', 'g1', '李四上周没打卡，被张科长在群里点名批评', w47(8, 12));
    await store.flush();
    const d = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W48');
    expect(d.examples.map((e) => e.text)).toEqual(['@成员1 @王小明 请今晚十点前完成健康打卡，截图发群里']);
    expect(d.leads).toEqual(['成员1上周没打卡，被成员2在群里点名批评']);
  });

  it("judges each quoted demand by its own group when another platform's group has the same id", async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    // tiny is test/C03 (3 people, too few to show); a large group elsewhere has the same id.
    await store.upsertGroup({ platform: 'zzz', id: 'C03', name: 'big', memberCount: 40 });
    const inBig = { platform: 'zzz', groupId: 'C03', groupName: 'big', senderId: 'Z1', senderName: 'Zed', recipients: 39 };
    await store.add(demand({ ...inBig, id: 'z1', ts: w47(2, 10), text: '请大家回复收到' }, ['ack-demand']));
    await store.setOptOut('test', 'U2', true); // Wang's demands are not quoted: tiny's would come next
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    // Each demand is judged by its own group: big's is quoted under its name, tiny's not at all.
    expect(d.examples.map((e) => [e.text, e.group])).toContainEqual(['请大家回复收到', 'big']);
    expect(d.examples.map((e) => e.text)).not.toContain('请回复收到');
  });

  it("judges each ack storm by its own group when another platform's group has the same id", async () => {
    const { config, store } = await digestStore();
    const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    await store.upsertGroup({ platform: 'slack', id: 'G1', name: 'tiny', memberCount: 4, memberIds: people('S', 4) });
    await store.upsertGroup({ platform: 'feishu', id: 'G1', name: 'finance', memberCount: 20, memberIds: people('F', 20) });
    const inTiny = { platform: 'slack', groupId: 'G1', groupName: 'tiny', senderId: 'S1', senderName: 'Zhou', recipients: 3 };
    const inFinance = { platform: 'feishu', groupId: 'G1', groupName: 'finance', senderId: 'F1', senderName: 'Li', recipients: 19 };
    // tiny (4 people: no finding may name it) draws 6 acks, finance 5.
    await store.add(demand({ ...inTiny, id: 't1', ts: w47(2, 11), text: FILL_FORM }, ['data-request']));
    for (const [i, s] of ['S2', 'S3', 'S4', 'S2', 'S3', 'S4'].entries()) {
      await store.add(record({ ...inTiny, id: `ta${i}`, ts: w47(2, 11, 1 + i), senderId: s, senderName: s, isAck: true, hash: 'ack' }));
    }
    await store.add(demand({ ...inFinance, id: 'f1', ts: w47(3, 9), text: '请各位今天下班前完成健康打卡' }, ['check-in']));
    for (const [i, s] of ['F2', 'F3', 'F4', 'F2', 'F3'].entries()) {
      await store.add(record({ ...inFinance, id: `fa${i}`, ts: w47(3, 9, 1 + i), senderId: s, senderName: s, isAck: true, hash: 'ack' }));
    }
    await store.flush();
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    expect(d.ackStorms).toEqual([{ group: 'finance', acks: 5 }]);
  });

  it('leaves out a small group whose id a large group of another platform has, its size read by its own platform', async () => {
    const { config, store } = await digestStore();
    // No size is stored for Slack's g1: its demands show 3 people. WeChat's g1 has 40.
    await store.upsertGroup({ platform: 'wechat', id: 'g1', name: 'big', memberCount: 40 });
    const inSmall = { platform: 'slack', groupId: 'g1', groupName: 'small', senderId: 'S1', senderName: 'Zhou', recipients: 2 };
    const inBig = { platform: 'wechat', groupId: 'g1', groupName: 'big', senderId: 'W1', senderName: 'Li', recipients: 39 };
    // small's two forms (60 person-minutes) weigh more than big's reply-received demand (19.5).
    await store.add(demand({ ...inSmall, id: 's1', ts: w47(1, 10), text: FILL_FORM }, ['data-request']));
    await store.add(demand({ ...inSmall, id: 's2', ts: w47(1, 22), text: `${FILL_FORM}今晚` }, ['data-request']));
    await store.add(demand({ ...inBig, id: 'b1', ts: w47(2, 10), text: '请大家回复收到' }, ['ack-demand']));
    await store.flush();
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    // Before, small's size was read by its id alone, as big's 40: its forms were in every figure.
    expect([d.demands, d.personMinutes, d.afterHours, d.smallGroupsLeftOut]).toEqual([1, 19.5, 0, true]);
    expect(d.categories.map((c) => c.category)).toEqual(['ack-demand']);
    expect(d.groups.map((g) => [g.name, g.demands])).toEqual([['big', 1]]);
    expect(d.examples.map((e) => e.group)).toEqual(['big']);
  });
});

describeEngines('group names', (engine) => {
  it('shows no name of a member who opted out or was forgotten in the name of a group', async () => {
    const { config, store } = await digestStore(undefined, engine);
    await seedNamedGroups(store);

    const d = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    // Masked as a quote masks them, one 成员N a person throughout; the group's other words are kept.
    expect(d.groups.map((g) => g.name)).toEqual(['成员1的工作群', "成员2's team"]);
    expect(d.duplicates).toEqual([['成员1的工作群', "成员2's team"]]);
    expect(d.sprawl.map((s) => s.groups)).toEqual([['成员1的工作群', "成员2's team"]]);
    expect(d.examples.map((e) => e.group)).toEqual(['成员1的工作群', "成员2's team"]);
    expect(d.leads).toEqual(['成员2 每天都要大家截图']);
    const en = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    for (const shown of [JSON.stringify(d), digestText(d, config.digest.thresholds), JSON.stringify(en), digestText(en, config.digest.thresholds)]) {
      expect(shown).not.toMatch(/王小明|Alice|Chen/);
    }
  });
});

describeEngines('a group kept past the retention', (engine) => {
  it('does not make a lone small group of the week a group the digest may show', async () => {
    const store = await tempStore({}, await engine.fresh());
    const week = Date.UTC(2026, 10, 24, 2); // Tuesday of 2026-W48
    // Silent since long before the digest's weeks: the purge keeps its size and settings, not its name.
    await store.upsertGroup({ platform: 'slack', id: 'COLD', name: '旧群', memberCount: 40, memberIds: ['U1', 'U2'], seenAt: Date.UTC(2025, 0, 6) });
    await store.upsertGroup({ platform: 'slack', id: 'C1', name: '小组', memberCount: 3, seenAt: week });
    await store.add(rec('d1', { platform: 'slack', groupId: 'C1', ts: week, cats: ['check-in'] }));
    await store.flush();
    await store.purge(Date.UTC(2026, 8, 1));
    const d = await buildDigest(defaultConfig(), store, { platform: 'slack', user: 'boss', scope: {} }, '2026-W48');
    // Before, the old group's 40 members counted, and the digest gave the 3-person group's own figures.
    expect([d.demands, d.categories]).toEqual([0, []]);
  });
});

describe('a week whose demands are only in groups under 5 people', () => {
  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  const inGroup = (id: string, name: string, members: number) => ({
    platform: 'test',
    groupId: id,
    groupName: name,
    senderId: `${id}-1`,
    senderName: 'Zhao',
    recipients: members - 1,
  });

  /** big (20 people) chats in W47 and sent a form in W46; small groups send the rest. */
  async function bigAndSmall(small: { id: string; members: string[]; weeks: number[] }[]) {
    const { config, store } = await digestStore();
    await store.upsertGroup({ platform: 'test', id: 'BIG', name: 'big', memberCount: 20, memberIds: people('B', 20) });
    const big = inGroup('BIG', 'big', 20);
    await store.add(record({ ...big, id: 'chat', ts: w47(0, 9) }));
    await store.add(demand({ ...big, id: 'b1', ts: w47(-6, 10), text: FILL_FORM }, ['data-request']));
    for (const s of small) {
      await store.upsertGroup({ platform: 'test', id: s.id, name: s.id, memberCount: s.members.length, memberIds: s.members });
      for (const week of s.weeks) {
        const text = '请大家今晚十点前完成健康打卡';
        await store.add(demand({ ...inGroup(s.id, s.id, s.members.length), id: `${s.id}-${week}`, ts: w47(2 + 7 * week, 10), text }, ['check-in']));
      }
    }
    await store.addLead('test', 'BIG', '每天晚上都要打卡', w47(3, 12));
    await store.flush();
    return { config, store };
  }

  it("leaves out one small group's demands, though a large group without demands is in the scope, saying so without a figure", async () => {
    const { config, store } = await bigAndSmall([{ id: 'S3', members: people('S', 3), weeks: [0] }]);
    const d = await buildDigest(config, store, boss({ lang: 'zh' }), '2026-W47');
    // Before, the totals, categories and after-hours share were S3's own.
    expect([d.heldBack, d.demands, d.personMinutes, d.categories, d.groups]).toEqual([undefined, 0, 0, [], []]);
    expect(digestText(d, config.digest.thresholds)).toBe(
      [
        '【指尖减负周报】2026年第47周（11月16日—22日）',
        '本周没有发现指尖上的形式主义要求。',
        '',
        '成员匿名反映：',
        '  「每天晚上都要打卡」',
        '',
        '为保护成员隐私，不足 5 人的群未计入本周报。',
      ].join('\n'),
    );
  });

  it('leaves out those of two small groups, of fewer than 5 people between them or more', async () => {
    const shared = await bigAndSmall([
      { id: 'S3', members: people('S', 3), weeks: [0] },
      { id: 'S4', members: people('S', 4), weeks: [0] },
    ]);
    const few = await buildDigest(shared.config, shared.store, boss({ lang: 'en' }), '2026-W47');
    expect([few.heldBack, few.demands, few.smallGroupsLeftOut]).toEqual([undefined, 0, true]);
    const apart = await bigAndSmall([
      { id: 'S3', members: people('S', 3), weeks: [0] },
      { id: 'T4', members: people('T', 4), weeks: [0] },
    ]);
    const seven = await buildDigest(apart.config, apart.store, boss({ lang: 'en' }), '2026-W47');
    // Before, they were shown together as "other", 7 people.
    expect([seven.heldBack, seven.demands, seven.smallGroupsLeftOut]).toEqual([undefined, 0, true]);
  });

  it('counts no feedback of a small group, with demands or without, nor its late demand in the trend', async () => {
    const { config, store } = await bigAndSmall([
      { id: 'S3', members: people('S', 3), weeks: [0] },
      { id: 'T4', members: people('T', 4), weeks: [0] },
      { id: 'U2', members: people('U', 2), weeks: [] },
    ]);
    // U2, no demand of its own this week, sent one last week and reported one missed in this.
    const inU2 = { platform: 'test', groupId: 'U2', groupName: 'U2', senderId: 'U1', senderName: 'Qian', recipients: 1 };
    await store.add(demand({ ...inU2, id: 'u-late', ts: w47(-6, 23), text: FILL_FORM }, ['data-request']));
    await store.add(record({ ...inU2, id: 'u-m', ts: w47(3, 10) }));
    await store.flush();
    const m = { platform: 'test', messageId: 'u-m', senderId: 'U1', text: '每人今天必须转发三次', categories: ['like-quota' as const], sentAt: w47(3, 10) };
    await store.reportMissed(missedReport({ ...m, byUser: 'U2' }));
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    // Before, S3's and T4's demands, due tonight, were "other", after hours; U2's missed one was counted.
    expect([d.demands, d.afterHours, d.feedback.missed, d.smallGroupsLeftOut]).toEqual([0, 0, 0, true]);
    // W46: big's form; U2's, a small group's, is not in it.
    expect(d.trend.map((w) => w.demands)).toEqual([0, 0, 0, 1, 0]);
  });

  it("leaves a trend week's small group out of its figures, in the text and the chart", async () => {
    // W45: only S3's demand; W46: big's form; W47: big's chat, S3's demand and big's, to show.
    const { config, store } = await bigAndSmall([{ id: 'S3', members: people('S', 3), weeks: [-2, 0] }]);
    await store.add(demand({ ...inGroup('BIG', 'big', 20), id: 'b2', ts: w47(1, 10), text: '请大家今天完成健康打卡' }, ['check-in']));
    await store.flush();
    const d = await buildDigest(config, store, boss({ lang: 'en' }), '2026-W47');
    // Before, W45 read "withheld", and was left out of the average: the rest is the same with S3 or without.
    expect(d.trend.map((w) => [w.week, w.personMinutes])).toEqual([
      ['2026-W43', 0],
      ['2026-W44', 0],
      ['2026-W45', 0],
      ['2026-W46', 285],
      ['2026-W47', 38],
    ]);
    const text = digestText(d, config.digest.thresholds);
    expect(text).toContain('\n  W43 0.0 → W44 0.0 → W45 0.0 → W46 4.8 → W47 0.6\n');
    expect(text).toContain('Average of the previous four weeks: 1.2 person-hours (-47%).');
    expect(digestChartSvg(d, 'en')).not.toContain('withheld');
  });
});
