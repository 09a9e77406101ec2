import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { ReportBuilder } from '../../../src/analysis/report/builder.js';
import { storedReport } from '../../../src/analysis/report/from-store.js';
import { extractDeadline } from '../../../src/analysis/record/deadline.js';
import type { Store } from '../../../src/store/store.js';
import { textHash } from '../../../src/analysis/record/text-hash.js';
import { formatIso } from '../../../src/core/time/format.js';
import { rec, tempStore } from '../../store/fixtures.js';
import { nameHash } from '../../../src/core/hidden-names.js';
import { Pseudonyms } from '../../../src/core/pseudonyms.js';
import { weekRange } from '../../../src/core/time/iso-week.js';
import { buildDigest } from '../../../src/digest/build-digest.js';
import { describeEngines } from '../../support/databases.js';
import { digestStore, FILL_FORM, w47 } from '../../digest/fixture.js';
import { demand, record } from './records.js';

const HOUR = 3_600_000;
// Monday 2026-11-23 00:00 UTC; the week runs past it so that local midnights fall inside.
const T0 = Date.UTC(2026, 10, 23);
// Saturday 2026-10-31 00:00 UTC: New York leaves daylight saving time the next night.
const DST_END = Date.UTC(2026, 9, 31);

/** What toRecord would keep of a demand's text; these name no weekday or date, so any day sent on reads them alike. */
const said = (text: string) => ({ text, hash: textHash(text), deadline: extractDeadline(text, 0) });

/** Three groups over three days: quiet chatter every 20 minutes, demands (two alike, one after hours), and an ack storm. */
async function filled(t0 = T0): Promise<Store> {
  const store = await tempStore();
  await store.upsertGroup({ platform: 'slack', id: 'C1', name: 'ops', memberCount: 12, memberIds: ['U1', 'U2', 'U3', 'U4'] });
  await store.upsertGroup({ platform: 'slack', id: 'C2', name: 'hr', memberCount: 0, memberIds: [] });
  const records = [];
  for (let i = 0; i < 3 * 72; i++) {
    const group = ['C1', 'C2', 'C3'][i % 3];
    records.push(rec(`q${i}`, { groupId: group, senderId: `U${i % 4}`, ts: t0 + i * 20 * 60_000, recipients: i % 7 }));
  }
  records.push(
    rec('d1', {
      groupId: 'C1',
      senderId: 'U1',
      ts: t0 + 10 * HOUR + 1,
      cats: ['check-in', 'proof-demand'],
      recipients: 11,
      ...said('请全体同事今晚十点前完成打卡并截图'),
    }),
  );
  records.push(
    rec('d2', { groupId: 'C2', senderId: 'U2', ts: t0 + 30 * HOUR + 5, cats: ['data-request'], recipients: 0, ...said('请各单位于12日前报送第3周统计表') }),
  );
  records.push(
    rec('d3', {
      groupId: 'C3',
      senderId: 'U9',
      ts: t0 + 47 * HOUR + 59 * 60_000,
      cats: ['like-quota'],
      recipients: 30,
      ...said('请各单位于19日前报送第4周统计表！'),
    }),
  );
  // The same id on another platform is another message.
  records.push(
    rec('d1', {
      platform: 'wechaty',
      groupId: 'R1',
      senderId: 'W1',
      ts: t0 + 20 * HOUR,
      cats: ['check-in'],
      recipients: 40,
      ...said('各位家长今晚九点前在小程序打卡'),
    }),
  );
  for (let k = 0; k < 6; k++) {
    records.push(rec(`a${k}`, { groupId: 'C1', senderId: `U${2 + (k % 3)}`, ts: t0 + 10 * HOUR + 60_000 * (k + 1), isAck: true }));
  }
  await Promise.all(records.map((r) => store.add(r)));
  await store.flush();
  return store;
}

async function everyRecord(store: Store, config: ReturnType<typeof defaultConfig>, period: { from: number; to: number }) {
  const b = new ReportBuilder({ config, ...period });
  for (const g of await store.groups())
    b.addGroup({ platform: g.platform, id: g.id, name: g.name, members: g.members || undefined, memberIds: g.memberIds.length ? g.memberIds : undefined });
  for await (const r of store.records(period)) b.add(r);
  return b;
}

describe('storedReport', () => {
  for (const [timezone, t0] of [
    ['Asia/Shanghai', T0],
    ['Asia/Kolkata', T0],
    ['America/New_York', T0],
    ['America/New_York', DST_END],
  ] as const) {
    it(`gives the report of feeding every record, quiet messages counted in bulk (${timezone}, ${new Date(t0).toISOString().slice(0, 10)})`, async () => {
      const store = await filled(t0);
      const config = { ...defaultConfig(), timezone };
      const period = { from: t0 - 12 * HOUR, to: t0 + 5 * 24 * HOUR };
      const fast = await storedReport(store, config, period);
      const slow = await everyRecord(store, config, period);
      const report = fast.build();
      expect(report).toEqual(slow.build());
      expect(fast.details()).toEqual(slow.details());
      expect(report.messages).toBe(3 * 72 + 4 + 6);
      expect(report.ack_storms).toEqual([{ message_id: 'd1', acks: 6 }]);
      expect(report.duplicates).toEqual([{ message_ids: ['d2', 'd3'], groups: ['C2', 'C3'] }]);
      // Readers find them by group, local time and words: each demand's own (d3 says 第4周, not 第3周).
      const at = (ts: number) => formatIso(ts, timezone);
      expect(fast.details().ackStorms).toEqual([{ groupName: 'ops', time: at(t0 + 10 * HOUR + 1), quote: '请全体同事今晚十点前完成打卡并截图' }]);
      expect(fast.details().duplicates).toEqual([
        {
          quote: '请各单位于12日前报送第3周统计表',
          messages: [
            { groupName: 'hr', time: at(t0 + 30 * HOUR + 5) },
            { groupName: 'C3', time: at(t0 + 47 * HOUR + 59 * 60_000) },
          ],
        },
      ]);
      expect(report.after_hours).toBeGreaterThan(0);
      expect(fast.details().evidence.map((e) => [e.id, e.text, e.findings.length])).toEqual(
        expect.arrayContaining([
          ['d1', '请全体同事今晚十点前完成打卡并截图', 2],
          ['d1', '各位家长今晚九点前在小程序打卡', 1],
        ]),
      );
    });
  }

  it('narrows to a platform and groups', async () => {
    const store = await filled();
    const config = defaultConfig();
    const period = { from: T0 - 12 * HOUR, to: T0 + 5 * 24 * HOUR };
    const report = (await storedReport(store, config, period, { platform: 'slack', groupIds: ['C2'] })).build();
    expect(report.groups.map((g) => g.id)).toEqual(['C2']);
    expect(report.messages).toBe(72 + 1);
    expect(report.demands).toBe(1);
  });

  it('hides forgotten names in the texts it shows, before cutting a quote, the marks moved along, and only in those', async () => {
    const store = await tempStore();
    await store.upsertGroup({ platform: 'slack', id: 'C1', name: '张三的群', memberCount: 12, memberIds: ['U1', 'U2', 'U3', 'U4'] });
    // The name straddles where a quote is cut (24 characters): cut first, 张 would show; its pseudonym
    // is a character longer, so the mark after it must move.
    const text = `${'请'.repeat(22)}@张三 今天交表`;
    const at = text.indexOf('交表');
    const records = [
      rec('d1', {
        senderId: 'U1',
        ts: T0 + HOUR,
        cats: ['data-request'],
        recipients: 11,
        ...said(text),
        findings: [{ rule: 'r', category: 'data-request', span: [at, at + 2], match: '交表' }],
      }),
    ];
    for (let k = 0; k < 6; k++) records.push(rec(`a${k}`, { senderId: `U${2 + (k % 3)}`, ts: T0 + HOUR + 60_000 * (k + 1), isAck: true }));
    // More demands than the report keeps as evidence: the rest are never read for names.
    for (let k = 0; k < 260; k++)
      records.push(rec(`x${k}`, { senderId: 'U2', ts: T0 + 2 * HOUR + k, cats: ['like-quota'], recipients: 1, ...said(`点赞 ${k} 次`) }));
    await Promise.all(records.map((r) => store.add(r)));
    await store.flush();
    const salt = Buffer.from('5a17', 'hex');
    const pseudonyms = new Pseudonyms([], '成员', { salt, names: [{ owner: 'z', hash: nameHash(salt, '张三'), length: 2 }] });
    let tracked = 0;
    const hide = { hide: pseudonyms.hide.bind(pseudonyms), hideTracked: (t: string) => (tracked++, pseudonyms.hideTracked(t)), reach: pseudonyms.reach };

    const builder = await storedReport(store, defaultConfig(), { from: T0, to: T0 + 24 * HOUR }, {}, hide);
    const details = builder.details();
    expect(builder.build().groups[0].name).toBe('成员1的群');
    // The cut would split the pseudonym, which goes whole: half of one may read as another (成员12 as 成员1).
    expect(details.ackStorms[0].quote).toBe(`${'请'.repeat(22)}@…`);
    const d1 = details.evidence.find((e) => e.id === 'd1')!;
    expect(d1.text).toBe(`${'请'.repeat(22)}@成员1 今天交表`);
    expect(d1.text!.slice(...d1.findings[0].span)).toBe('交表');
    expect(d1.findings[0].match).toBe('交表');
    expect(details.evidence).toHaveLength(200);
    expect(tracked).toBe(200);
  });
});

describeEngines('storedReport of a week whose ack storm runs past its end', (engine) => {
  // Six bare 收到 from Sunday 23:56 to Monday 00:01 (Shanghai) after a demand at 23:50, the end of 2026-W47.
  const END = w47(7, 0);
  const MINUTE = 60_000;

  async function stormy(nextWeekDemand: boolean) {
    const { config, store } = await digestStore(() => {}, engine);
    await store.upsertGroup({ platform: 'test', id: 'C1', name: 'ops', memberCount: 40 });
    const inOps = { platform: 'test', groupId: 'C1', groupName: 'ops', recipients: 39 };
    const records = [demand({ ...inOps, id: 'd1', senderId: 'B1', ts: END - 10 * MINUTE, text: FILL_FORM }, ['data-request'])];
    for (let k = 0; k < 6; k++) {
      records.push(record({ ...inOps, id: `a${k}`, senderId: `B${2 + (k % 3)}`, ts: END + (k - 4) * MINUTE, isAck: true, text: '收到', hash: 'ack' }));
    }
    if (nextWeekDemand) records.push(demand({ ...inOps, id: 'd2', senderId: 'B1', ts: END + 30_000, text: '请大家明天上午九点前完成打卡' }, ['check-in']));
    records.sort((a, b) => a.ts - b.ts);
    await Promise.all(records.map((r) => store.add(r)));
    await store.flush();
    // `fingertip audit` of the same messages: every record, no period.
    const audit = new ReportBuilder({ config });
    for (const r of records) audit.add(r);
    return { config, store, audit: audit.build() };
  }

  it('counts its acks toward its demand in the report and the digest, as an audit of the same messages does', async () => {
    const { config, store, audit } = await stormy(false);
    const report = (await storedReport(store, config, weekRange('2026-W47', config.timezone))).build();
    expect(report.ack_storms).toEqual([{ message_id: 'd1', acks: 6 }]);
    expect(report.ack_storms).toEqual(audit.ack_storms);
    // Monday's two acks are next week's messages; there they answer no demand of that week.
    expect(report.messages).toBe(5);
    const next = (await storedReport(store, config, weekRange('2026-W48', config.timezone))).build();
    expect([next.messages, next.ack_storms]).toEqual([2, []]);
    const digest = await buildDigest(config, store, { platform: 'test', user: 'boss', scope: {} }, '2026-W47');
    expect(digest.ackStorms).toEqual([{ group: 'ops', acks: 6 }]);
  });

  it('leaves to a demand of the next week the acks after it, as an audit does', async () => {
    const { config, store, audit } = await stormy(true);
    const report = (await storedReport(store, config, weekRange('2026-W47', config.timezone))).build();
    expect(report.ack_storms).toEqual([{ message_id: 'd1', acks: 5 }]);
    expect(report.ack_storms).toEqual(audit.ack_storms);
    expect(report.demands).toBe(1);
  });

  it('counts toward its demand the acks quote-replying to it more than a day after the week, as an audit does', async () => {
    const { config, store } = await digestStore(() => {}, engine);
    await store.upsertGroup({ platform: 'test', id: 'C1', name: 'ops', memberCount: 40 });
    const inOps = { platform: 'test', groupId: 'C1', groupName: 'ops', recipients: 39 };
    const records = [demand({ ...inOps, id: 'd1', senderId: 'B1', ts: END - 10 * MINUTE, text: FILL_FORM }, ['data-request'])];
    // Six 收到 sent as replies to d1 on Tuesday, 30 hours after the week; one more replies to nothing.
    for (let k = 0; k < 6; k++) {
      const ts = END + 30 * 60 * MINUTE + k * MINUTE;
      records.push(record({ ...inOps, id: `a${k}`, senderId: `B${2 + (k % 3)}`, ts, isAck: true, text: '收到', hash: 'ack', replyTo: 'd1' }));
    }
    records.push(record({ ...inOps, id: 'a6', senderId: 'B5', ts: END + 31 * 60 * MINUTE, isAck: true, text: '收到', hash: 'ack' }));
    for (const r of records) await store.add(r);
    await store.flush();
    const audit = new ReportBuilder({ config });
    for (const r of records) audit.add(r);
    const report = (await storedReport(store, config, weekRange('2026-W47', config.timezone))).build();
    expect(report.ack_storms).toEqual([{ message_id: 'd1', acks: 6 }]);
    expect(report.ack_storms).toEqual(audit.build().ack_storms);
    expect(report.messages).toBe(1);
  });

  it("counts toward its demand an ack stored before a next week's demand of the same time, as an audit does", async () => {
    const { config, store } = await digestStore(() => {}, engine);
    await store.upsertGroup({ platform: 'test', id: 'C1', name: 'ops', memberCount: 40 });
    const inOps = { platform: 'test', groupId: 'C1', groupName: 'ops', recipients: 39 };
    const records = [demand({ ...inOps, id: 'd1', senderId: 'B1', ts: END - 10 * MINUTE, text: FILL_FORM }, ['data-request'])];
    for (let k = 0; k < 4; k++)
      records.push(record({ ...inOps, id: `a${k}`, senderId: `B${2 + (k % 3)}`, ts: END + (k - 5) * MINUTE, isAck: true, text: '收到', hash: 'ack' }));
    // Monday 00:01: the fifth 收到, then, in the same minute, the next week's demand.
    records.push(record({ ...inOps, id: 'a4', senderId: 'B5', ts: END + MINUTE, isAck: true, text: '收到', hash: 'ack' }));
    records.push(demand({ ...inOps, id: 'd2', senderId: 'B1', ts: END + MINUTE, text: '请大家明天上午九点前完成打卡' }, ['check-in']));
    for (const r of records) await store.add(r);
    await store.flush();
    const audit = new ReportBuilder({ config });
    for (const r of records) audit.add(r);
    const report = (await storedReport(store, config, weekRange('2026-W47', config.timezone))).build();
    expect(report.ack_storms).toEqual([{ message_id: 'd1', acks: 5 }]);
    expect(report.ack_storms).toEqual(audit.build().ack_storms);
  });
});
