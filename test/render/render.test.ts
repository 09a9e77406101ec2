import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../src/analysis/report/builder.js';
import { FINDINGS_SHOWN } from '../../src/analysis/report/derived-findings.js';
import { renderReport, reportFormat } from '../../src/render/render.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import { CATEGORIES } from '../../src/core/categories.js';
import { InputError } from '../../src/core/errors.js';
import { escapeMarkdown } from '../../src/render/escape.js';
import { demand, record } from '../analysis/report/records.js';
import { REPORT_KEYS } from '../support/report-keys.js';

const sh = (local: string): number => Date.parse(`${local}+08:00`);
const EVIL = '请<script>alert(1)</script>全体**今晚**十点前|打卡 & 截图';

function built() {
  const b = new ReportBuilder({ config: defaultConfig() });
  b.addGroup({ platform: 'test', id: 'G<1>', name: 'ops <b>team</b>', members: 21 });
  b.add(demand({ id: 'm1', groupId: 'G<1>', ts: sh('2026-11-23T10:00:00'), senderName: 'Li <i>', recipients: 20, text: EVIL }, ['check-in'], '十点前|打卡'));
  b.add(record({ id: 'p1', groupId: 'G<1>', ts: sh('2026-11-24T10:00:00') }));
  return { report: b.build(), details: b.details() };
}

describe('renderReport', () => {
  it('writes the contract JSON with every key and every category', () => {
    const { report, details } = built();
    const json = renderReport('json', report, details, 'en');
    const parsed = JSON.parse(json);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "messages": 2,');
    expect(Object.keys(parsed)).toEqual(REPORT_KEYS);
    expect(Object.keys(parsed.by_category)).toEqual([...CATEGORIES]);
    expect(Object.keys(parsed.groups[0].by_category)).toEqual([...CATEGORIES]);
    expect(parsed.person_minutes).toBe(40);
    expect(parsed.senders).toEqual([{ id: 'u1', name: 'Li <i>', demands: 1, platform: 'test' }]);
  });

  it('escapes every user text in HTML, highlights the match and stays self-contained', () => {
    const { report, details } = built();
    const html = renderReport('html', report, details, 'en');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>team</b>');
    expect(html).not.toContain('Li <i>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<mark title="check-in/test">十点前|打卡</mark>');
    expect(html).toContain('ops &lt;b&gt;team&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=["']?http|href=["']?http/i);
    expect(html.match(/<svg /g)).toHaveLength(2);
    // The chart writes person-hours as the table beside it does: 0.7 and 0.0, never a bare 0.
    expect(html).toContain('<td class="n">0.0</td>');
    expect(html).toContain('>0.0 h</text>');
    expect(html).not.toContain('>0 h</text>');
  });

  it('bolds touching matches as one run, and leaves the punctuation and symbols at either end of a run outside it, so CommonMark closes it', () => {
    const b = new ReportBuilder({ config: defaultConfig() });
    b.addGroup({ platform: 'test', id: 'g1', name: '卫健群', members: 21 });
    const at = (text: string, word: string): [number, number] => [text.indexOf(word), text.indexOf(word) + word.length];
    const touching = '请全体同事今晚十点前完成打卡并截图发群里';
    const quoted = '大家今天下班前下载安装“学习强国”并注册';
    const symbol = '各位同事看到通知后请点✅确认';
    const finding = (text: string, word: string, rule: string) => ({ rule, category: 'check-in' as const, span: at(text, word), match: word });
    b.add({
      ...demand({ id: 'm1', groupId: 'g1', ts: sh('2026-11-23T10:00:00'), text: touching }, ['check-in']),
      findings: [finding(touching, '完成打卡', 'a/x'), finding(touching, '并截图发', 'b/y')],
    });
    b.add({
      ...demand({ id: 'm2', groupId: 'g1', ts: sh('2026-11-23T11:00:00'), text: quoted }, ['check-in']),
      findings: [finding(quoted, '下载安装“学习强国”', 'a/x')],
    });
    b.add({
      ...demand({ id: 'm3', groupId: 'g1', ts: sh('2026-11-23T12:00:00'), text: symbol }, ['ack-demand']),
      findings: [finding(symbol, '请点✅', 'c/z')],
    });
    const text = renderReport('md', b.build(), b.details(), 'zh');
    expect(text).toContain('今晚十点前**完成打卡并截图发**群里');
    expect(text).toContain('下班前**下载安装“学习强国**”并注册');
    expect(text).toContain('通知后**请点**✅确认');
    // A Chinese list is written with 、.
    expect(text).toContain('`a/x`、`b/y`');
  });

  it('opens and closes bold on words when a stored span starts or ends at a space', () => {
    const b = new ReportBuilder({ config: defaultConfig() });
    b.addGroup({ platform: 'test', id: 'g1', name: 'ops', members: 21 });
    const text = "All staff: fill in the weekly hours survey by 11pm tonight.\nReply 'done' when finished.";
    const finding = (from: string, to: string, rule: string) => {
      const span: [number, number] = [text.indexOf(from), text.indexOf(to) + to.length];
      return { rule, category: 'data-request' as const, span, match: text.slice(...span) };
    };
    b.add({
      ...demand({ id: 'm1', groupId: 'g1', ts: sh('2026-11-23T10:00:00'), text }, ['data-request']),
      findings: [finding(': fill', 'survey ', 'a/x'), finding('.\nReply', "'done'", 'b/y')],
    });
    const md = renderReport('md', b.build(), b.details(), 'en');
    expect(md).toContain("All staff: **fill in the weekly hours survey** by 11pm tonight. **Reply 'done**' when finished.");
  });

  it('escapes user text in Markdown and bolds the match', () => {
    const { report, details } = built();
    const text = renderReport('md', report, details, 'en');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script\\>alert\\(1\\)&lt;/script\\>');
    expect(text).toContain('**十点前\\|打卡**');
    expect(text).toContain('| check-ins | 1 | 2 | 0.7 |'); // 2 minutes per recipient, 40 person-minutes
    expect(text).toContain('A demand is a message that asks a whole group');
    expect(text).toContain('ops &lt;b\\>team&lt;/b\\> (G&lt;1\\>)');
    // A quoted demand's rules stand apart from the quote: right below it, Markdown reads them as more of it.
    const lines = text.split('\n');
    const quote = lines.findIndex((l) => l.startsWith('  > '));
    expect(quote).toBeGreaterThan(-1);
    expect(lines.slice(quote + 1, quote + 3)).toEqual(['', expect.stringMatching(/^ {2}rules: `/)]);
  });

  it('places derived findings by local time, group and first words, never by message id (12/1 reads as a date)', () => {
    const b = new ReportBuilder({ config: defaultConfig() });
    b.addGroup({ platform: 'test', id: '12', name: '村委会群', members: 21 });
    b.addGroup({ platform: 'test', id: '15', name: '卫健群', members: 30 });
    const ask = '请各位今晚十点前在小程序完成健康打卡并截图发群里，谢谢配合';
    b.add(demand({ id: '12/1', groupId: '12', ts: sh('2026-11-23T09:12:00'), text: ask }, ['check-in']));
    for (let k = 0; k < 6; k++)
      b.add(record({ id: `12/${k + 2}`, groupId: '12', senderId: `u${2 + (k % 3)}`, ts: sh('2026-11-23T09:13:00') + k, isAck: true }));
    b.add(demand({ id: '15/1', groupId: '15', senderId: 'u9', ts: sh('2026-11-24T10:05:00'), text: ask }, ['check-in']));
    const report = b.build();
    expect(report.ack_storms).toEqual([{ message_id: '12/1', acks: 6 }]);
    expect(report.duplicates).toEqual([{ message_ids: ['12/1', '15/1'], groups: ['12', '15'] }]);
    const quote = '“请各位今晚十点前在小程序完成健康打卡并截图发群里…”';

    const md = renderReport('md', report, b.details(), 'zh');
    expect(md).toContain(`- 2026年11月23日 09:12 · 村委会群 · ${quote}：6 条“收到”`);
    expect(md).toContain(`- 村委会群、卫健群中有 2 条消息重复发出相同要求${quote}：2026年11月23日 09:12 · 村委会群、2026年11月24日 10:05 · 卫健群`);
    expect(md).not.toMatch(/1[25]\/1/);

    const html = renderReport('html', report, b.details(), 'en');
    expect(html).toContain(`<li>2026-11-23 09:12 · 村委会群 · ${quote}: 6 acknowledgements</li>`);
    expect(html).toContain(`2 messages in 村委会群, 卫健群 (${quote}): <span class="muted">2026-11-23 09:12 · 村委会群, 2026-11-24 10:05 · 卫健群</span>`);
    expect(html).not.toMatch(/1[25]\/1/);
  });

  it('places and quotes at most FINDINGS_SHOWN ack storms, and says how many more the JSON lists', () => {
    const b = new ReportBuilder({ config: defaultConfig() });
    b.addGroup({ platform: 'test', id: 'g', name: '村委会群', members: 21 });
    const storms = FINDINGS_SHOWN + 3;
    for (let n = 0; n < storms; n++) {
      const at = sh('2026-11-23T09:00:00') + n * 60_000;
      b.add(demand({ id: `d${n}`, groupId: 'g', ts: at, text: `请各位今晚十点前完成第${n}次健康打卡` }, ['check-in']));
      for (let k = 0; k < 6; k++) b.add(record({ id: `a${n}-${k}`, groupId: 'g', senderId: `u${2 + (k % 3)}`, ts: at + 1 + k, isAck: true }));
    }
    const report = b.build();
    expect(report.ack_storms).toHaveLength(storms);
    expect(b.details().ackStorms).toHaveLength(FINDINGS_SHOWN);
    const md = renderReport('md', report, b.details(), 'zh');
    expect(md.match(/：6 条“收到”$/gm)).toHaveLength(FINDINGS_SHOWN);
    expect(md).toContain('- 另有 3 项（完整列表见 JSON 报告）');
    const html = renderReport('html', report, b.details(), 'en');
    expect(html).toContain('<li class="muted">and 3 more (the JSON report lists them all)</li>');
  });

  it('lists at most FINDINGS_SHOWN overlapping pairs of groups, the most alike first, and says how many more the JSON lists', () => {
    const b = new ReportBuilder({ config: defaultConfig() });
    // 12 groups of the same members make 66 pairs; one more member in the last makes its 11 pairs the least alike.
    const members = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];
    for (let g = 0; g < 12; g++) b.addGroup({ platform: 'test', id: `g${g}`, name: `群${g}`, memberIds: g === 11 ? [...members, 'u10'] : members });
    b.add(record({ id: 'p1', groupId: 'g0', ts: sh('2026-11-23T10:00:00') }));
    const report = b.build();
    expect(report.sprawl).toHaveLength(66);
    const md = renderReport('md', report, b.details(), 'zh');
    expect(md).toContain('### 群组重叠（66）');
    expect(md.match(/成员重合 100%$/gm)).toHaveLength(FINDINGS_SHOWN);
    expect(md).not.toContain('成员重合 90%');
    expect(md).toContain('- 另有 16 项（完整列表见 JSON 报告）');
    const html = renderReport('html', report, b.details(), 'en');
    expect(html.match(/% the same members<\/li>/g)).toHaveLength(FINDINGS_SHOWN);
    expect(html).toContain('<li class="muted">and 16 more (the JSON report lists them all)</li>');
  });

  it('charts demands by week, month or year when days would be too many columns, dates with their year when the period spans years', () => {
    const chartOf = (html: string): { title: string; columns: number; labels: string[] } => {
      const svg = html.match(/<svg [^>]*aria-label="([^"]*)"[\s\S]*?<\/svg>/g)![1];
      return {
        title: /aria-label="([^"]*)"/.exec(svg)![1],
        columns: svg.match(/<rect x=/g)!.length,
        labels: [...svg.matchAll(/font-size="11" fill="#555">([^<]*)<\/text>/g)].map((m) => m[1]).slice(2),
      };
    };
    const weekly = new ReportBuilder({ config: defaultConfig() });
    weekly.addGroup({ platform: 'test', id: 'g', name: '年级组', members: 4 });
    for (let w = 0; w < 100; w++) {
      weekly.add(demand({ id: `w${w}`, groupId: 'g', ts: sh('2025-01-06T10:00:00') + w * 7 * 86_400_000, text: '请大家周五前填报统计表' }, ['data-request']));
    }
    const byWeek = chartOf(renderReport('html', weekly.build(), weekly.details(), 'zh'));
    expect(byWeek.title).toBe('每周要求数（周一至周日，标为首日）');
    expect(byWeek.columns).toBe(100);
    expect(byWeek.labels[0]).toBe('2025-01-06');
    expect(byWeek.labels.every((l) => /^20\d\d-\d\d-\d\d$/.test(l))).toBe(true);

    const century = new ReportBuilder({ config: defaultConfig() });
    century.addGroup({ platform: 'test', id: 'g', name: 'ops', members: 4 });
    century.add(demand({ id: 'o1', groupId: 'g', ts: sh('2000-01-03T10:00:00'), text: 'x' }, ['check-in']));
    century.add(demand({ id: 'o2', groupId: 'g', ts: sh('2099-12-30T10:00:00'), text: 'x' }, ['check-in']));
    const html = renderReport('html', century.build(), century.details(), 'en');
    expect(html.length).toBeLessThan(100_000);
    const byYear = chartOf(html);
    expect(byYear).toMatchObject({ title: 'Demands per year', columns: 100 });
    expect(byYear.labels[0]).toBe('2000');

    // A week of one year keeps the short day labels.
    const { report, details } = built();
    expect(chartOf(renderReport('html', report, details, 'en'))).toMatchObject({ title: 'Demands per day', labels: ['11-23', '11-24'] });
  });

  it('names groups in derived findings and ends with the notes it is given', () => {
    const b = new ReportBuilder({ config: defaultConfig() });
    b.addGroup({ platform: 'test', id: 'G<1>', name: 'ops <b>team</b>', members: 21 });
    b.add(demand({ id: 'm1', groupId: 'G<1>', ts: sh('2026-11-23T10:00:00'), text: EVIL }, ['check-in']));
    b.add(demand({ id: 'm9', groupId: 'G2', groupName: 'G2', ts: sh('2026-11-23T11:00:00'), text: EVIL }, ['check-in']));
    const [report, details] = [b.build(), b.details()];
    report.sprawl = [{ groups: ['G<1>', 'G2'], overlap: 0.9 }];
    const notes = { ...details, notes: ['2 broken entries were skipped (--skip-bad).'] };
    const html = renderReport('html', report, notes, 'en');
    expect(html).toContain('2 messages in G2, ops &lt;b&gt;team&lt;/b&gt;');
    expect(html).toContain('ops &lt;b&gt;team&lt;/b&gt; and G2: 90% the same members');
    expect(html).toMatch(/<p class="muted">2 broken entries were skipped \(--skip-bad\)\.<\/p>\s*<\/main>/);
    const md = renderReport('md', report, notes, 'en');
    expect(md).toContain(`2 messages in G2, ${escapeMarkdown('ops <b>team</b>')}`);
    expect(md.trimEnd().endsWith('> 2 broken entries were skipped (--skip-bad).')).toBe(true);
  });

  it("names a sender's platform beside them only where their id or name is also another platform's", () => {
    const b = new ReportBuilder({ config: defaultConfig() });
    const senders: [platform: string, id: string, name: string][] = [
      ['dingtalk', 'U1', '张主任'],
      ['dingtalk', 'U1', '张主任'],
      ['feishu', 'U1', '张主任'],
      ['feishu', 'E1', 'Alice'],
      // One name, two ids, two platforms: two people all the same.
      ['slack', 'S7', '陈晨'],
      ['dingtalk', 'D7', '陈晨'],
    ];
    senders.forEach(([platform, senderId, senderName], i) =>
      b.add(demand({ platform, id: `m${i}`, senderId, senderName, ts: sh(`2026-11-23T10:0${i}:00`), text: `请今晚十点前完成打卡${i}` }, ['check-in'], '打卡')),
    );
    const report = b.build();
    const details = b.details();
    const md = renderReport('md', report, details, 'zh');
    expect(md).toContain('| 张主任（dingtalk） | 2 |\n| 陈晨（dingtalk） | 1 |\n| Alice | 1 |\n| 陈晨（slack） | 1 |\n| 张主任（feishu） | 1 |');
    expect(md).toContain(' · 张主任（feishu） · ');
    const html = renderReport('html', report, details, 'en');
    expect(html).toContain('<td>张主任 (dingtalk)</td>');
    expect(html).toContain('<td>Alice</td>');
  });

  it('accepts json, md and html only', () => {
    expect(reportFormat(undefined)).toBe('json');
    expect(reportFormat('html')).toBe('html');
    expect(() => reportFormat('pdf')).toThrow(InputError);
    expect(() => reportFormat('pdf')).toThrow(/^--format: /);
  });
});
