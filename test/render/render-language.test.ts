import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config-defaults.js';
import { ReportBuilder } from '../../src/analysis/report/builder.js';
import { renderReport } from '../../src/render/render.js';
import { languageOption, reportLanguage } from '../../src/render/report-language.js';
import { TABLE_ROWS } from '../../src/render/table-cap.js';
import { REPORT_TEXTS } from '../../src/render/texts.js';
import { CATEGORY_LABELS } from '../../src/core/category-labels.js';
import { InputError } from '../../src/core/errors.js';
import { demand, record } from '../analysis/report/records.js';

const sh = (local: string): number => Date.parse(`${local}+08:00`);

/** A week in two Chinese groups: a clock-in with a screenshot, a form, and a plain message. */
function chinese() {
  const b = new ReportBuilder({ config: defaultConfig(), from: sh('2026-11-23T00:00:00'), to: sh('2026-11-30T00:00:00') });
  b.addGroup({ platform: 'test', id: 'G1', name: '卫健群', members: 58 });
  b.addGroup({ platform: 'test', id: 'G2', name: '教务通知群', members: 20 });
  b.add(
    demand(
      {
        id: 'm1',
        groupId: 'G1',
        groupName: '卫健群',
        ts: sh('2026-11-23T21:05:00'),
        senderName: '李主任',
        recipients: 57,
        text: '请各位今晚十点前完成健康打卡并截图',
      },
      ['check-in', 'proof-demand'],
      '完成健康打卡',
    ),
  );
  b.add(
    demand(
      {
        id: 'm2',
        groupId: 'G2',
        groupName: '教务通知群',
        ts: sh('2026-11-24T10:00:00'),
        senderName: '王老师',
        recipients: 19,
        text: '请各位老师下班前填写统计表',
      },
      ['data-request'],
    ),
  );
  b.add(record({ id: 'p1', groupId: 'G2', groupName: '教务通知群', ts: sh('2026-11-24T11:00:00'), text: '明天开会' }));
  return { report: b.build(), details: b.details() };
}

/** The English texts' fixed words (headings, labels, units), to find any left in a Chinese report. */
function englishWords(): string[] {
  const { intro: _, listSep: __, and: ___, colon: ____, ...words } = REPORT_TEXTS.en;
  return Object.values({ ...words, ...words.cards }).filter((v): v is string => typeof v === 'string' && /[a-z]{2}/i.test(v));
}

describe('the report in Chinese', () => {
  it('writes Markdown with Chinese headings, labels and units, and no English left', () => {
    const { report, details } = chinese();
    const md = renderReport('md', report, details, 'zh');
    const lines = md.split('\n');
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      '# 指尖上的形式主义报告',
      '## 按类别',
      '## 群组',
      '## 发出要求的人',
      '## 其他发现',
      '### 多头填报（0）',
      '### 回复刷屏（0）',
      '### 群组重叠（0）',
      '## 证据（负担最重的 2 条）',
    ]);
    expect(lines).toContain('统计时段：2026年11月23日 00:00 至 2026年11月30日 00:00（北京时间）');
    expect(lines).toContain('| 类别 | 要求数 | 每人耗时（分钟） | 人·小时 |');
    expect(lines).toContain('| 群组 | 人数 | 消息 | 要求数 | 人·小时 |');
    // An empty section says so, as in HTML.
    expect(md).toContain('### 多头填报（0）\n\n未发现。\n');
    expect(renderReport('md', report, { ...details, evidence: [] }, 'zh')).toContain('## 证据（负担最重的 0 条）\n\n没有被标记的消息。');
    expect(md).toMatch(/^- 负担：\d[\d,.]* 人·分钟（[\d.]+ 人·小时）$/m);
    for (const label of Object.values(CATEGORY_LABELS.zh)) expect(md).toContain(`| ${label} |`);
    expect(md).toContain('- 2026年11月23日 21:05 · 卫健群 · 李主任 · ');
    expect(md).toContain(' 人·分钟 · 打卡签到、截图留痕');
    expect(md).toContain('  规则：`check-in/test`');
    expect(md).toContain(REPORT_TEXTS.zh.intro);
    // Outside user text and rule ids, nothing is in English.
    const ours = md.replace(/`[^`]*`/g, '');
    expect(ours).not.toMatch(/[A-Za-z]{3}/);
    for (const word of englishWords()) expect(md, word).not.toContain(word);
  });

  it('writes HTML marked zh-CN with a Chinese font stack, Chinese chart titles and category labels', () => {
    const { report, details } = chinese();
    const html = renderReport('html', report, details, 'zh');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/font-family:[^;}]*"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif/);
    expect(html).toContain('<h1>指尖上的形式主义报告</h1>');
    expect(html).toContain('aria-label="各类负担（人·小时）"');
    expect(html).toContain('<span class="tag">打卡签到</span>');
    expect(renderReport('html', report, details, 'en')).toContain('<html lang="en">');
  });

  it('leaves the JSON report as the contract has it, whatever the language', () => {
    const { report, details } = chinese();
    expect(renderReport('json', report, details, 'zh')).toBe(renderReport('json', report, details, 'en'));
  });
});

describe('long tables', () => {
  /** 53 groups, each with a demand from its own sender, and 7 more senders in the first. */
  function crowded() {
    const b = new ReportBuilder({ config: defaultConfig() });
    for (let i = 0; i < 60; i++) {
      const g = Math.min(i, 52);
      b.add(
        demand(
          {
            id: `m${i}`,
            groupId: `G${g}`,
            groupName: `群${String(g).padStart(3, '0')}`,
            senderId: `u${i}`,
            senderName: `S${String(i).padStart(3, '0')}`,
            recipients: 5 + g,
            ts: sh('2026-11-23T10:00:00') + i * 60_000,
            text: '请大家填表',
          },
          ['data-request'],
        ),
      );
    }
    return { report: b.build(), details: b.details() };
  }

  it(`list the ${TABLE_ROWS} heaviest groups and senders, then count the rest in a last row`, () => {
    const { report, details } = crowded();
    expect([report.groups.length, report.senders.length]).toEqual([53, 60]);
    const md = renderReport('md', report, details, 'en');
    for (const g of report.groups.slice(0, TABLE_ROWS)) expect(md).toContain(`| ${g.name} (${g.id}) |`);
    for (const g of report.groups.slice(TABLE_ROWS)) expect(md).not.toContain(`| ${g.name} (`);
    expect(md).toContain('| and 3 more groups |  |  |  |  |');
    expect(md).toContain('| and 10 more senders |  |');
    expect(md.split('\n').filter((l) => /^\| S\d{3} \|/.test(l))).toHaveLength(TABLE_ROWS);

    const zh = renderReport('md', report, details, 'zh');
    expect(zh).toContain('| 另有 3 个群组 |');
    expect(zh).toContain('| 另有 10 位发送人 |');
    const html = renderReport('html', report, details, 'zh');
    expect(html).toContain('<tr><td class="muted" colspan="5">另有 3 个群组</td></tr>');
    expect(html).toContain('<tr><td class="muted" colspan="2">另有 10 位发送人</td></tr>');
    // The JSON keeps every one.
    expect(JSON.parse(renderReport('json', report, details, 'zh')).senders).toHaveLength(60);
  });
});

describe('the report language', () => {
  const groups = (...names: string[]) => ({ groups: names.map((name) => ({ name })) }) as Parameters<typeof reportLanguage>[1];
  const said = (...texts: (string | null)[]) => ({ evidence: texts.map((text) => ({ text })) }) as Parameters<typeof reportLanguage>[2];

  it('is the one chosen, else that of most group names, else that of the flagged messages, else Chinese', () => {
    expect(reportLanguage('en', groups('卫健群', '教务通知群'), said())).toBe('en');
    expect(reportLanguage('zh', groups('ops'), said('Please fill in the form'))).toBe('zh');
    expect(reportLanguage(undefined, groups('卫健群', '教务通知群', 'ops'), said('Please fill in the form'))).toBe('zh');
    expect(reportLanguage(undefined, groups('ops', 'hr'), said('请今天下班前填表'))).toBe('en');
    // Names that tie, or say nothing, leave it to the messages' own words; with none, most users are Chinese.
    expect(reportLanguage(undefined, groups('2026届3班', 'Team-A'), said('请今天下班前填表', null))).toBe('zh');
    expect(reportLanguage(undefined, groups('2026届3班', 'Team-A'), said('Please fill in the form', '请填表', 'Like this post'))).toBe('en');
    expect(reportLanguage(undefined, groups('302', '2026'), said('请今天下班前填表'))).toBe('zh');
    expect(reportLanguage(undefined, groups('2026届3班', 'Team-A'), said())).toBe('zh');
    expect(reportLanguage(undefined, groups(), said())).toBe('zh');
  });

  it('takes zh or en for --lang and refuses anything else naming the option', () => {
    expect(languageOption(undefined)).toBeUndefined();
    expect(languageOption('zh')).toBe('zh');
    expect(() => languageOption('zh-CN')).toThrow(InputError);
    expect(() => languageOption('fr')).toThrow('--lang: expected zh or en, got "fr"');
  });
});
