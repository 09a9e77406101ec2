import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../../src/analysis/report/builder.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { CATEGORIES } from '../../../src/core/categories.js';
import { weekRange } from '../../../src/core/time/iso-week.js';
import { demand, record } from './records.js';
import { REPORT_KEYS } from '../../support/report-keys.js';
import { renderReport } from '../../../src/render/render.js';
import { Pseudonyms } from '../../../src/core/pseudonyms.js';
import { nameHash } from '../../../src/core/hidden-names.js';

const sh = (local: string): number => Date.parse(`${local}+08:00`);
const FORM = '请各单位于本周五前填报附件中的安全生产信息采集表';

function sample() {
  const config = defaultConfig(); // Asia/Shanghai, 09-18 Mon-Fri, check-in 2, data-request 15, proof 3, ack 0.5
  const b = new ReportBuilder({ config });
  b.addGroup({ platform: 'test', id: 'G1', name: 'ops', members: 11, memberIds: ['boss', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10'] });
  b.addGroup({ platform: 'test', id: 'G2', name: 'office', memberIds: ['boss', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] });
  const records = [
    // G1: a check-in + proof demand to 10 recipients at 21:05 (after hours): 10 × (2 + 3) = 50
    demand(
      { id: 'm1', ts: sh('2026-11-23T21:05:00'), senderId: 'boss', senderName: 'Boss', recipients: 10, text: '请全体今晚完成打卡并截图' },
      ['check-in', 'proof-demand'],
      '打卡',
    ),
    ...['u1', 'u2', 'u3', 'u4', 'u5'].map((u, i) => record({ id: `a${i}`, ts: sh('2026-11-23T21:06:00') + i, senderId: u, senderName: u, isAck: true })),
    // G1: a data request with unknown recipients: (11 − 1) × 15 = 150, in work hours
    demand({ id: 'm2', ts: sh('2026-11-24T10:00:00'), senderId: 'boss', senderName: 'Boss', recipients: 0, text: FORM }, ['data-request']),
    record({ id: 'p1', ts: sh('2026-11-24T11:00:00'), senderId: 'u9', senderName: 'Quiet' }),
    // G2: the same data request by another sender, recipients unknown, group size from memberIds (10): 9 × 15 = 135
    demand(
      { id: 'm3', groupId: 'G2', groupName: 'office-renamed', ts: sh('2026-11-25T10:00:00'), senderId: 'u1', senderName: 'Wang', recipients: 0, text: FORM },
      ['data-request'],
    ),
  ];
  for (const r of records) b.add(r);
  return b;
}

describe('ReportBuilder', () => {
  it('totals messages, demands, categories and person-minutes', () => {
    const report = sample().build();
    expect(report.messages).toBe(9);
    expect(report.demands).toBe(3);
    expect(report.by_category).toEqual({
      'check-in': 1,
      'data-request': 2,
      'like-quota': 0,
      'app-install': 0,
      'ranking-pressure': 0,
      'proof-demand': 1,
      'ack-demand': 0,
    });
    expect(report.person_minutes).toBe(50 + 150 + 135);
    expect(report.after_hours).toBe(1);
  });

  it('summarises groups heaviest first, costing unknown recipients by group size', () => {
    const { groups } = sample().build();
    expect(groups.map((g) => [g.id, g.name, g.members, g.messages, g.demands, g.person_minutes])).toEqual([
      ['G1', 'ops', 11, 8, 2, 200],
      ['G2', 'office', 10, 1, 1, 135],
    ]);
    expect(Object.keys(groups[1].by_category)).toEqual([...CATEGORIES]);
  });

  it('names only the senders of demands, most demands first', () => {
    expect(sample().build().senders).toEqual([
      { id: 'boss', name: 'Boss', demands: 2, platform: 'test' },
      { id: 'u1', name: 'Wang', demands: 1, platform: 'test' },
    ]);
  });

  it('fills the derived findings', () => {
    const report = sample().build();
    expect(report.ack_storms).toEqual([{ message_id: 'm1', acks: 5 }]);
    expect(report.duplicates).toEqual([{ message_ids: ['m2', 'm3'], groups: ['G1', 'G2'] }]);
    expect(report.sprawl).toEqual([{ groups: ['G1', 'G2'], overlap: 0.91 }]); // 10 shared of 11
  });

  it('keeps person-minutes exact, so that groups add up to the total and the texts write what the JSON holds', () => {
    const config = defaultConfig();
    config.costs['data-request'] = 0.25;
    const b = new ReportBuilder({ config });
    for (const g of ['g1', 'g2', 'g3']) {
      b.addGroup({ platform: 'test', id: g, name: g, members: 4 });
      b.add(demand({ id: `m-${g}`, groupId: g, ts: sh('2026-11-23T10:00:00'), recipients: 3, text: FORM }, ['data-request']));
    }
    const report = b.build();
    expect(report.groups.map((g) => g.person_minutes)).toEqual([0.75, 0.75, 0.75]);
    expect(report.person_minutes).toBe(2.25);
    const details = b.details();
    expect(details.minutesByCategory['data-request']).toBe(2.25);
    expect(details.evidence.map((e) => e.personMinutes)).toEqual([0.75, 0.75, 0.75]);
    const md = renderReport('md', report, details, 'en');
    expect(md).toContain('- Burden: 2.25 person-minutes (0.0 person-hours)');
    expect(md).toContain(' · 0.75 person-min · ');
    expect(renderReport('html', report, details, 'zh')).toContain('<b>0.75</b> 人·分钟');
  });

  it('spans local midnights around the data when no period is given', () => {
    expect(sample().build().period).toEqual({ from: '2026-11-23T00:00:00+08:00', to: '2026-11-26T00:00:00+08:00' });
  });

  it('keeps to given bounds and leaves records outside them out', () => {
    const config = defaultConfig();
    const week = weekRange('2026-W48', config.timezone);
    const b = new ReportBuilder({ config, ...week });
    b.add(record({ id: 'before', ts: week.from - 1 }));
    b.add(record({ id: 'first', ts: week.from }));
    b.add(record({ id: 'last', ts: week.to - 1 }));
    b.add(record({ id: 'after', ts: week.to }));
    const report = b.build();
    expect(report.period).toEqual({ from: '2026-11-23T00:00:00+08:00', to: '2026-11-30T00:00:00+08:00' });
    expect(report.messages).toBe(2);
    expect(b.details().days.map((d) => [d.date, d.messages])).toEqual([
      ['2026-11-23', 1],
      ['2026-11-24', 0],
      ['2026-11-25', 0],
      ['2026-11-26', 0],
      ['2026-11-27', 0],
      ['2026-11-28', 0],
      ['2026-11-29', 1],
    ]);
  });

  it('writes the contract keys in order, every category in every by_category, minutes to 1 decimal', () => {
    const config = defaultConfig();
    const b = new ReportBuilder({ config });
    b.addGroup({ platform: 'test', id: 'G1', members: 4 });
    b.add(demand({ id: 'x', ts: sh('2026-11-23T10:00:00'), recipients: 0, text: '请回复收到' }, ['ack-demand']));
    b.add(demand({ id: 'y', ts: sh('2026-11-23T10:01:00'), recipients: 1, text: '请大家回复收到' }, ['ack-demand']));
    const report = b.build();
    expect(Object.keys(report)).toEqual(REPORT_KEYS);
    expect(Object.keys(report.by_category)).toEqual([...CATEGORIES]);
    expect(Object.keys(report.groups[0])).toEqual(['id', 'name', 'members', 'messages', 'demands', 'by_category', 'person_minutes']);
    expect(report.person_minutes).toBe(2); // 3 × 0.5 + 1 × 0.5
    expect(report.groups[0].name).toBe('ops'); // from the records when addGroup gave none
  });

  it('gives the same report whatever the order of groups in the stream', () => {
    const a = sample().build();
    const config = defaultConfig();
    const b = new ReportBuilder({ config });
    const rs = [
      demand({ id: 'm3', groupId: 'G2', ts: sh('2026-11-25T10:00:00'), senderId: 'u1', recipients: 9, text: FORM }, ['data-request']),
      demand({ id: 'm2', ts: sh('2026-11-24T10:00:00'), senderId: 'boss', recipients: 10, text: FORM }, ['data-request']),
    ];
    for (const r of rs) b.add(r);
    expect(b.build().duplicates).toEqual([{ message_ids: ['m2', 'm3'], groups: ['G1', 'G2'] }]);
    expect(a.duplicates).toEqual(b.build().duplicates);
  });

  it('keeps groups and senders of equal ids on two platforms apart', () => {
    const b = new ReportBuilder({ config: defaultConfig() });
    const people = ['u1', 'u2', 'u3', 'u4', 'u5'];
    b.addGroup({ platform: 'slack', id: 'G1', name: 'ops', members: 6, memberIds: [...people, 'u6'] });
    b.addGroup({ platform: 'dingtalk', id: 'G1', name: '教务群', members: 30 });
    // The same ids as the Slack group's members, on DingTalk: other people, so no sprawl.
    b.addGroup({ platform: 'dingtalk', id: 'G9', name: '年级组', memberIds: [...people, 'u6'] });
    const at = (minute: number) => sh(`2026-11-23T10:0${minute}:00`);
    b.add(
      demand({ platform: 'slack', id: 's1', groupId: 'G1', groupName: 'ops', senderId: 'u1', senderName: 'Li', ts: at(0), recipients: 0, text: FORM }, [
        'data-request',
      ]),
    );
    b.add(
      demand(
        {
          platform: 'dingtalk',
          id: 'd1',
          groupId: 'G1',
          groupName: '教务群',
          senderId: 'u1',
          senderName: '李老师',
          ts: at(1),
          recipients: 0,
          text: '请今天打卡',
        },
        ['check-in'],
      ),
    );
    // Acks in the Slack group count toward its own latest demand, not the DingTalk group's later one.
    for (const u of ['u2', 'u3', 'u4', 'u5', 'u6']) b.add(record({ platform: 'slack', id: `a-${u}`, groupId: 'G1', senderId: u, ts: at(2), isAck: true }));
    const report = b.build();
    expect(report.groups.map((g) => [g.id, g.name, g.members, g.demands, g.person_minutes])).toEqual([
      ['G1', 'ops', 6, 1, 5 * 15],
      ['G1', '教务群', 30, 1, 29 * 2],
    ]);
    expect(report.senders).toEqual([
      { id: 'u1', name: '李老师', demands: 1, platform: 'dingtalk' },
      { id: 'u1', name: 'Li', demands: 1, platform: 'slack' },
    ]);
    expect(report.ack_storms).toEqual([{ message_id: 's1', acks: 5 }]);
    expect(report.sprawl).toEqual([]);
    expect(b.details().evidence.map((e) => [e.id, e.groupName, e.personMinutes])).toEqual([
      ['s1', 'ops', 75],
      ['d1', '教务群', 58],
    ]);
  });

  it('keeps the heaviest evidence, costed with the final group size', () => {
    const b = sample();
    const { evidence, minutesByCategory } = b.details();
    expect(evidence.map((e) => [e.id, e.personMinutes, e.groupName])).toEqual([
      ['m2', 150, 'ops'],
      ['m3', 135, 'office'],
      ['m1', 50, 'ops'],
    ]);
    expect(evidence[2].time).toBe('2026-11-23T21:05:00+08:00');
    expect(minutesByCategory['data-request']).toBe(285);
    expect(minutesByCategory['check-in']).toBe(20);
    expect(minutesByCategory['proof-demand']).toBe(30);
  });

  it('hides names told after its records as it hides those given at the start, pseudonyms numbered alike', () => {
    const salt = Buffer.from('5a17', 'hex');
    const hidden = { salt, names: ['王五', '张三'].map((name, i) => ({ owner: `o${i}`, hash: nameHash(salt, name), length: 2 })) };
    const built = (late: boolean) => {
      const hide = new Pseudonyms([], '成员', hidden);
      const b = new ReportBuilder({ config: defaultConfig(), hide: late ? undefined : hide });
      b.addGroup({ platform: 'test', id: 'G1', name: '王五的群', members: 5 });
      b.addGroup({ platform: 'test', id: 'G2', name: '张三的群', members: 5 });
      b.add(demand({ id: 'd1', ts: sh('2026-11-24T10:00:00'), groupId: 'G2', recipients: 4, text: '@张三 @王五 请今天交表' }, ['data-request']));
      if (late) b.hideNames(hide);
      return { report: b.build(), details: b.details() };
    };
    const late = built(true);
    // 王五 is 成员1 by G1's name, told first, though G1 has no message to show.
    expect(late.report.groups.map((g) => g.name)).toEqual(['成员2的群']);
    expect(late.details.evidence[0].text).toBe('@成员2 @成员1 请今天交表');
    expect(late).toEqual(built(false));
  });

  it('hides names in a group known only by its records: their group name, or its id where retention took the name', () => {
    const salt = Buffer.from('5a17', 'hex');
    const hidden = { salt, names: [{ owner: 'o0', hash: nameHash(salt, '王五'), length: 2 }] };
    const b = new ReportBuilder({ config: defaultConfig(), hide: new Pseudonyms([], '成员', hidden) });
    b.add(
      demand({ id: 'd1', ts: sh('2026-11-24T10:00:00'), groupId: '王五的工作群', groupName: undefined, recipients: 4, text: '请今天交表' }, ['data-request']),
    );
    b.add(demand({ id: 'd2', ts: sh('2026-11-24T11:00:00'), groupId: 'G9', groupName: '王五的家长群', recipients: 4, text: '请今天交表' }, ['data-request']));
    expect(
      b
        .build()
        .groups.map((g) => g.name)
        .sort(),
    ).toEqual(['成员1的家长群', '成员1的工作群']);
    expect(
      b
        .details()
        .evidence.map((e) => e.groupName)
        .sort(),
    ).toEqual(['成员1的家长群', '成员1的工作群']);
  });

  it('bounds the evidence it keeps', () => {
    const b = new ReportBuilder({ config: defaultConfig(), evidenceLimit: 3 });
    for (let i = 1; i <= 50; i++) b.add(demand({ id: `d${i}`, ts: sh('2026-11-23T10:00:00') + i, recipients: i, text: `请填表${i}` }, ['data-request']));
    expect(b.details().evidence.map((e) => e.id)).toEqual(['d50', 'd49', 'd48']);
  });

  it('builds 200,000 records across 1,000 groups', () => {
    const config = defaultConfig();
    const b = new ReportBuilder({ config });
    const t0 = sh('2026-11-23T00:00:00');
    const texts = ['请全体同事今晚十点前完成打卡并截图发群里', '请各单位填报信息采集表', '收到', '明天开会讨论方案'];
    for (let i = 0; i < 200_000; i++) {
      const k = i % 4;
      const base = { id: `m${i}`, groupId: `G${i % 1000}`, senderId: `s${i % 3000}`, ts: t0 + i * 3000, recipients: 20 };
      b.add(k < 2 ? demand({ ...base, text: texts[k] }, k === 0 ? ['check-in', 'proof-demand'] : ['data-request']) : record({ ...base, isAck: k === 2 }));
    }
    const report = b.build();
    expect(report.messages).toBe(200_000);
    expect(report.demands).toBe(100_000);
    expect(report.person_minutes).toBe(50_000 * 20 * 5 + 50_000 * 20 * 15);
    expect(report.groups).toHaveLength(1000);
    expect(report.duplicates.length).toBeGreaterThan(0);
    expect(b.details().evidence).toHaveLength(200);
  });
});
