import { CATEGORIES } from '../taxonomy/categories.js';
import type { Report } from './report.js';
import type { ReportDetails } from './details.js';
import { escapeHtml as h } from './escape.js';
import { formatNumber, groupNamer, personHours } from './figures.js';
import { INTRO } from './intro.js';
import { segments } from './highlight.js';
import { barChart } from './charts/bar-chart.js';
import { columnChart } from './charts/column-chart.js';

const STYLE = `
body{font-family:-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#222;line-height:1.5}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px;border-bottom:1px solid #ddd;padding-bottom:4px}
.period{color:#666;margin:0 0 8px}
.intro{color:#333;max-width:760px;line-height:1.5;margin:0 0 20px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card b{display:block;font-size:24px}.card span{color:#666;font-size:13px}
.charts{display:grid;gap:12px}.charts svg{max-width:100%;height:auto;background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
table{border-collapse:collapse;width:100%;background:#fff;border-radius:8px;overflow:hidden;box-shadow:0 1px 2px rgba(0,0,0,.08)}
th,td{padding:6px 10px;border-bottom:1px solid #eee;text-align:left}th{background:#fafafa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
ul.findings li{margin:4px 0}.muted{color:#888}
.ev{background:#fff;border-radius:8px;padding:10px 14px;margin:10px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.ev .meta{color:#666;font-size:13px}.ev .text{margin:6px 0;white-space:pre-wrap;word-break:break-word}
mark{background:#ffe08a;border-radius:3px;padding:0 1px}code{font-size:12px;background:#f0f0f0;padding:1px 4px;border-radius:3px}
.tag{display:inline-block;font-size:12px;background:#fbeaea;color:#a33;border-radius:10px;padding:0 8px;margin-right:4px}
`;

function card(value: string, label: string): string {
  return `<div class="card"><b>${h(value)}</b><span>${h(label)}</span></div>`;
}

/**
 * One self-contained HTML file (inline CSS and SVG, no scripts, fonts or network): totals, charts,
 * groups, derived findings and the evidence with each rule's match highlighted. All text is escaped.
 */
export function renderHtml(report: Report, details: ReportDetails): string {
  const groupName = groupNamer(report);
  const byCategory = barChart(
    CATEGORIES.map((c) => ({ label: c, value: Number(personHours(details.minutesByCategory[c])) })),
    { title: 'Burden by category (person-hours)', unit: 'h' },
  );
  const perDay = columnChart(details.days.map((d) => ({ label: d.date.slice(5), value: d.demands })), { title: 'Demands per day' });
  const groups = report.groups.map((g) =>
    `<tr><td>${h(g.name)} <span class="muted">${h(g.id)}</span></td><td class="n">${g.members}</td><td class="n">${formatNumber(g.messages)}</td><td class="n">${formatNumber(g.demands)}</td><td class="n">${personHours(g.person_minutes)}</td></tr>`);
  const senders = report.senders.map((s) => `<tr><td>${h(s.name)}</td><td class="n">${s.demands}</td></tr>`);
  const list = (items: string[], none: string): string => (items.length ? `<ul class="findings">${items.join('')}</ul>` : `<p class="muted">${h(none)}</p>`);
  const evidence = details.evidence.map((e) => {
    const text = e.text === null
      ? '<span class="muted">(text not kept)</span>'
      : segments(e.text, e.findings).map((s) => (s.rules.length ? `<mark title="${h(s.rules.join(', '))}">${h(s.text)}</mark>` : h(s.text))).join('');
    const rules = [...new Set(e.findings.map((f) => f.rule))].map((r) => `<code>${h(r)}</code>`).join(' ');
    return `<div class="ev"><div class="meta">${h(e.time)} · ${h(e.groupName)} · ${h(e.senderName)} · <b>${formatNumber(e.personMinutes)}</b> person-min</div>` +
      `<div class="text">${text}</div><div>${e.categories.map((c) => `<span class="tag">${h(c)}</span>`).join('')} ${rules}</div></div>`;
  });
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Fingertip formalism report ${h(report.period.from.slice(0, 10))}</title><style>${STYLE}</style></head>
<body><main>
<h1>Fingertip formalism report</h1>
<p class="period">${h(report.period.from)} → ${h(report.period.to)} (${h(details.timezone)})</p>
<p class="intro">${h(INTRO)}</p>
<div class="cards">${card(formatNumber(report.messages), 'messages')}${card(formatNumber(report.demands), 'demands')}${card(personHours(report.person_minutes), 'person-hours of burden')}${card(formatNumber(report.after_hours), 'after-hours demands')}</div>
<h2>Charts</h2><div class="charts">${byCategory}${perDay}</div>
<h2>By category</h2><table><tr><th>Category</th><th class="n">Demands</th><th class="n">Minutes per recipient</th><th class="n">Person-hours</th></tr>${CATEGORIES.map((c) => `<tr><td>${c}</td><td class="n">${formatNumber(report.by_category[c])}</td><td class="n">${details.costs[c]}</td><td class="n">${personHours(details.minutesByCategory[c])}</td></tr>`).join('')}</table>
<h2>Groups</h2>${groups.length ? `<table><tr><th>Group</th><th class="n">Members</th><th class="n">Messages</th><th class="n">Demands</th><th class="n">Person-hours</th></tr>${groups.join('')}</table>` : '<p class="muted">No messages in this period.</p>'}
<h2>Senders of demands</h2>${senders.length ? `<table><tr><th>Sender</th><th class="n">Demands</th></tr>${senders.join('')}</table>` : '<p class="muted">None.</p>'}
<h2>Derived findings</h2>
<h3>Duplicate requests (${report.duplicates.length})</h3>${list(report.duplicates.map((d) => `<li>${d.message_ids.length} messages in ${d.groups.map((g) => h(groupName(g))).join(', ')}: <span class="muted">${d.message_ids.slice(0, 10).map(h).join(', ')}${d.message_ids.length > 10 ? ', …' : ''}</span></li>`), 'None found.')}
<h3>Ack storms (${report.ack_storms.length})</h3>${list(report.ack_storms.map((s) => `<li>${h(s.message_id)}: ${s.acks} acknowledgements</li>`), 'None found.')}
<h3>Group sprawl (${report.sprawl.length})</h3>${list(report.sprawl.map((s) => `<li>${s.groups.map((g) => h(groupName(g))).join(' and ')}: ${Math.round(s.overlap * 100)}% the same members</li>`), 'None found.')}
<h2>Evidence (heaviest ${details.evidence.length})</h2>${evidence.join('\n') || '<p class="muted">No flagged messages.</p>'}
${(details.notes ?? []).map((n) => `<p class="muted">${h(n)}</p>`).join('\n')}
</main></body></html>
`;
}
