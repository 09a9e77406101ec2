import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../src/analysis/report/builder.js';
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
    expect(parsed.senders).toEqual([{ id: 'u1', name: 'Li <i>', demands: 1 }]);
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

  it('names groups in derived findings and ends with the notes it is given', () => {
    const { report, details } = built();
    report.duplicates = [{ message_ids: ['m1', 'm9'], groups: ['G<1>', 'G2'] }];
    report.sprawl = [{ groups: ['G<1>', 'G2'], overlap: 0.9 }];
    const notes = { ...details, notes: ['2 broken entries were skipped (--skip-bad).'] };
    const html = renderReport('html', report, notes, 'en');
    expect(html).toContain('2 messages in ops &lt;b&gt;team&lt;/b&gt;, G2');
    expect(html).toContain('ops &lt;b&gt;team&lt;/b&gt; and G2: 90% the same members');
    expect(html).toMatch(/<p class="muted">2 broken entries were skipped \(--skip-bad\)\.<\/p>\s*<\/main>/);
    const md = renderReport('md', report, notes, 'en');
    expect(md).toContain(`2 messages in ${escapeMarkdown('ops <b>team</b>')}, G2`);
    expect(md.trimEnd().endsWith('> 2 broken entries were skipped (--skip-bad).')).toBe(true);
  });

  it('accepts json, md and html only', () => {
    expect(reportFormat(undefined)).toBe('json');
    expect(reportFormat('html')).toBe('html');
    expect(() => reportFormat('pdf')).toThrow(InputError);
    expect(() => reportFormat('pdf')).toThrow(/^--format: /);
  });
});
