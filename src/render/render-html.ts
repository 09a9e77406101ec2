import type { Lang } from '../core/lang.js';
import { CATEGORIES } from '../core/categories.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import type { Report } from '../analysis/report/report.js';
import type { DemandPlace, ReportDetails } from '../analysis/report/details.js';
import { FINDINGS_SHOWN } from '../analysis/report/derived-findings.js';
import { escapeHtml as h } from './escape.js';
import { formatHours, formatMinutes, formatNumber, hours, personHours } from '../core/figures.js';
import { groupNamer, shownGroupId } from './group-names.js';
import { segments } from './highlight.js';
import { capped } from './table-cap.js';
import { senderNamer } from './sender-names.js';
import { Pseudonyms } from '../core/pseudonyms.js';
import { REPORT_TEXTS } from './texts.js';
import { barChart } from './charts/bar-chart.js';
import { columnChart } from './charts/column-chart.js';
import { demandColumns } from './charts/demand-columns.js';

/** What `<html lang>` says, so browsers and screen readers pick Chinese glyphs and voices. */
const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

// Chinese fonts of macOS, Windows and Linux in turn; the charts' SVG text inherits them.
const STYLE = `
body{font-family:-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;margin:0;background:#f5f6f8;color:#222;line-height:1.5}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px;border-bottom:1px solid #ddd;padding-bottom:4px}
.period{color:#666;margin:0 0 8px}
.intro{color:#333;max-width:760px;line-height:1.5;margin:0 0 20px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card b{display:block;font-size:24px}.card span{color:#666;font-size:13px}
.charts{display:grid;gap:12px}.charts svg{font-family:inherit;max-width:100%;height:auto;background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
table{border-collapse:collapse;width:100%;background:#fff;border-radius:8px;overflow:hidden;box-shadow:0 1px 2px rgba(0,0,0,.08)}
th,td{padding:6px 10px;border-bottom:1px solid #eee;text-align:left;overflow-wrap:anywhere}th{background:#fafafa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
ul.findings li{margin:4px 0}.muted{color:#888}
.ev{background:#fff;border-radius:8px;padding:10px 14px;margin:10px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.ev .meta{color:#666;font-size:13px;overflow-wrap:anywhere}.ev .text{margin:6px 0;white-space:pre-wrap;word-break:break-word}
mark{background:#ffe08a;border-radius:3px;padding:0 1px}code{font-size:12px;background:#f0f0f0;padding:1px 4px;border-radius:3px}
.tag{display:inline-block;font-size:12px;background:#fbeaea;color:#a33;border-radius:10px;padding:0 8px;margin-right:4px}
`;

function card(value: string, label: string): string {
  return `<div class="card"><b>${h(value)}</b><span>${h(label)}</span></div>`;
}

/** A table's header and rows, with a last row counting those the cap left out. */
function table(head: string, rows: string[], more: number, moreLabel: (n: string) => string, columns: number): string {
  const last = more ? `<tr><td class="muted" colspan="${columns}">${h(moreLabel(formatNumber(more)))}</td></tr>` : '';
  return `<table><tr>${head}</tr>${rows.join('')}${last}</table>`;
}

/**
 * One self-contained HTML file in `lang` (inline CSS and SVG, no scripts, fonts or network): totals,
 * charts, groups, derived findings and the evidence with each rule's match highlighted. All text is escaped.
 */
export function renderHtml(report: Report, details: ReportDetails, lang: Lang, pseudonyms?: Pseudonyms): string {
  const t = REPORT_TEXTS[lang];
  const labels = CATEGORY_LABELS[lang];
  const groupName = groupNamer(report);
  const names = (ids: string[], sep: string): string => ids.map((g) => h(groupName(g))).join(h(sep));
  // Derived findings name their demands as the evidence does, by time and group, never by message id.
  const place = (d: DemandPlace): string => `${h(t.when(d.time))} · ${h(d.groupName)}`;
  const quoted = (quote: string | null): string => (quote === null ? '' : h(t.quoted(quote)));
  const byCategory = barChart(
    CATEGORIES.map((c) => ({ label: labels[c], value: hours(details.minutesByCategory[c]) })),
    { title: t.burdenChart, unit: t.hoursUnit, format: formatHours },
  );
  const demands = demandColumns(details.days);
  const perDay = columnChart(demands.columns, { title: t.demandsChart[demands.period] });
  const groups = capped(report.groups);
  const groupRows = groups.shown.map((g) => {
    const id = shownGroupId(g, pseudonyms);
    return `<tr><td>${h(g.name)}${id === undefined ? '' : ` <span class="muted">${h(id)}</span>`}</td><td class="n">${formatNumber(g.members)}</td><td class="n">${formatNumber(g.messages)}</td><td class="n">${formatNumber(g.demands)}</td><td class="n">${personHours(g.person_minutes)}</td></tr>`;
  });
  const senders = capped(report.senders);
  // Pairs of a few hundred overlapping groups run to tens of thousands: the most alike are shown.
  const sprawl = capped(report.sprawl, FINDINGS_SHOWN);
  const sender = senderNamer(pseudonyms ?? new Pseudonyms([], t.memberPrefix), report.senders, t.onPlatform);
  const senderRows = senders.shown.map((s) => `<tr><td>${h(sender(s))}</td><td class="n">${formatNumber(s.demands)}</td></tr>`);
  // A list of derived findings, cut where the report stops placing them (`more` left out).
  const list = (items: string[], more = 0): string =>
    items.length
      ? `<ul class="findings">${items.join('')}${more > 0 ? `<li class="muted">${h(t.moreFindings(formatNumber(more)))}</li>` : ''}</ul>`
      : `<p class="muted">${h(t.noneFound)}</p>`;
  const evidence = details.evidence.map((e) => {
    const text =
      e.text === null
        ? `<span class="muted">${h(t.textNotKept)}</span>`
        : segments(e.text, e.findings)
            .map((s) => (s.rules.length ? `<mark title="${h(s.rules.join(', '))}">${h(s.text)}</mark>` : h(s.text)))
            .join('');
    const rules = [...new Set(e.findings.map((f) => f.rule))].map((r) => `<code>${h(r)}</code>`).join(' ');
    return (
      `<div class="ev"><div class="meta">${h(t.when(e.time))} · ${h(e.groupName)} · ${h(sender({ id: e.senderId, name: e.senderName, platform: e.platform }))} · <b>${formatMinutes(e.personMinutes)}</b> ${h(t.personMinutesUnit)}</div>` +
      `<div class="text">${text}</div><div>${e.categories.map((c) => `<span class="tag">${h(labels[c])}</span>`).join('')} ${rules}</div></div>`
    );
  });
  const th = (label: string, numeric = false): string => `<th${numeric ? ' class="n"' : ''}>${h(label)}</th>`;
  return `<!DOCTYPE html>
<html lang="${HTML_LANG[lang]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(t.title)} ${h(report.period.from.slice(0, 10))}</title><style>${STYLE}</style></head>
<body><main>
<h1>${h(t.title)}</h1>
<p class="period">${h(t.period(t.when(report.period.from), t.when(report.period.to), details.timezone))}</p>
<p class="intro">${h(t.intro)}</p>
<div class="cards">${card(formatNumber(report.messages), t.cards.messages)}${card(formatNumber(report.demands), t.cards.demands)}${card(personHours(report.person_minutes), t.cards.personHours)}${card(formatNumber(report.after_hours), t.cards.afterHours)}</div>
<h2>${h(t.charts)}</h2><div class="charts">${byCategory}${perDay}</div>
<h2>${h(t.byCategory)}</h2><table><tr>${th(t.category)}${th(t.demands, true)}${th(t.minutesPerRecipient, true)}${th(t.personHours, true)}</tr>${CATEGORIES.map((c) => `<tr><td>${h(labels[c])}</td><td class="n">${formatNumber(report.by_category[c])}</td><td class="n">${details.costs[c]}</td><td class="n">${personHours(details.minutesByCategory[c])}</td></tr>`).join('')}</table>
<h2>${h(t.groups)}</h2>${groupRows.length ? table(`${th(t.group)}${th(t.members, true)}${th(t.messages, true)}${th(t.demands, true)}${th(t.personHours, true)}`, groupRows, groups.more, t.moreGroups, 5) : `<p class="muted">${h(t.noMessages)}</p>`}
<h2>${h(t.senders)}</h2>${senderRows.length ? table(`${th(t.sender)}${th(t.demands, true)}`, senderRows, senders.more, t.moreSenders, 2) : `<p class="muted">${h(t.none)}</p>`}
<h2>${h(t.derived)}</h2>
<h3>${h(t.duplicates(report.duplicates.length))}</h3>${list(
    report.duplicates
      .slice(0, details.duplicates.length)
      .map(
        (d, i) =>
          `<li>${t.duplicate(d.message_ids.length, names(d.groups, t.listSep), quoted(details.duplicates[i].quote))}${h(t.colon)}<span class="muted">${details.duplicates[i].messages.map(place).join(h(t.listSep))}${d.message_ids.length > details.duplicates[i].messages.length ? h(`${t.listSep}…`) : ''}</span></li>`,
      ),
    report.duplicates.length - details.duplicates.length,
  )}
<h3>${h(t.ackStorms(report.ack_storms.length))}</h3>${list(
    report.ack_storms
      .slice(0, details.ackStorms.length)
      .map(
        (s, i) =>
          `<li>${place(details.ackStorms[i])}${details.ackStorms[i].quote === null ? '' : ` · ${quoted(details.ackStorms[i].quote)}`}${h(t.colon)}${h(t.ackStorm(s.acks))}</li>`,
      ),
    report.ack_storms.length - details.ackStorms.length,
  )}
<h3>${h(t.sprawl(report.sprawl.length))}</h3>${list(
    sprawl.shown.map((s) => `<li>${t.overlap(names(s.groups, t.and), Math.round(s.overlap * 100))}</li>`),
    sprawl.more,
  )}
<h2>${h(t.evidence(details.evidence.length))}</h2>${evidence.join('\n') || `<p class="muted">${h(t.noFlagged)}</p>`}
${(details.notes ?? []).map((n) => `<p class="muted">${h(n)}</p>`).join('\n')}
</main></body></html>
`;
}
