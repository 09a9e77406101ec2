import { CATEGORIES } from '../taxonomy/categories.js';
import type { Report } from './report.js';
import type { ReportDetails } from './details.js';
import { escapeMarkdown as md } from './escape.js';
import { formatNumber, groupNamer, personHours } from './figures.js';
import { INTRO } from './intro.js';
import { segments } from './highlight.js';

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

/** A readable Markdown report: totals, categories with person-hours, groups, derived findings, evidence. */
export function renderMarkdown(report: Report, details: ReportDetails): string {
  const groupName = groupNamer(report);
  const out: string[] = [];
  out.push(`# Fingertip formalism report`, '');
  // Our own ISO dates and the configured zone: nothing to escape, and escaped they read badly.
  out.push(`Period: ${report.period.from} to ${report.period.to} (${details.timezone})`, '');
  out.push(
    `- Messages: ${formatNumber(report.messages)}`,
    `- Demands: ${formatNumber(report.demands)}`,
    `- Burden: ${formatNumber(report.person_minutes)} person-minutes (${personHours(report.person_minutes)} person-hours)`,
    `- After-hours demands: ${formatNumber(report.after_hours)}`,
    '',
  );
  out.push('## By category', '', INTRO, '', row(['Category', 'Demands', 'Minutes per recipient', 'Person-hours']), row(['---', '---:', '---:', '---:']));
  for (const c of CATEGORIES) out.push(row([c, formatNumber(report.by_category[c]), details.costs[c], personHours(details.minutesByCategory[c])]));
  out.push('');

  out.push('## Groups', '');
  if (report.groups.length === 0) out.push('No messages in this period.');
  else {
    out.push(row(['Group', 'Members', 'Messages', 'Demands', 'Person-hours']), row(['---', '---:', '---:', '---:', '---:']));
    for (const g of report.groups) {
      out.push(row([`${md(g.name)} (${md(g.id)})`, g.members, formatNumber(g.messages), formatNumber(g.demands), personHours(g.person_minutes)]));
    }
  }
  out.push('');

  if (report.senders.length > 0) {
    out.push('## Senders of demands', '', row(['Sender', 'Demands']), row(['---', '---:']));
    for (const s of report.senders) out.push(row([md(s.name), s.demands]));
    out.push('');
  }

  out.push('## Derived findings', '');
  out.push(`### Duplicate requests (${report.duplicates.length})`, '');
  for (const d of report.duplicates) out.push(`- ${d.message_ids.length} messages in ${d.groups.map((g) => md(groupName(g))).join(', ')}: ${d.message_ids.slice(0, 10).map(md).join(', ')}${d.message_ids.length > 10 ? ', …' : ''}`);
  out.push('', `### Ack storms (${report.ack_storms.length})`, '');
  for (const s of report.ack_storms) out.push(`- ${md(s.message_id)}: ${s.acks} acknowledgements`);
  out.push('', `### Group sprawl (${report.sprawl.length})`, '');
  for (const s of report.sprawl) out.push(`- ${s.groups.map((g) => md(groupName(g))).join(' and ')}: ${Math.round(s.overlap * 100)}% the same members`);
  out.push('');

  out.push(`## Evidence (heaviest ${details.evidence.length})`, '');
  for (const e of details.evidence) {
    const text = e.text === null ? '(text not kept)' : segments(e.text, e.findings).map((s) => (s.rules.length ? `**${md(s.text)}**` : md(s.text))).join('');
    const rules = [...new Set(e.findings.map((f) => f.rule))].map((r) => `\`${r.replace(/`/g, '')}\``).join(', ');
    out.push(`- ${md(e.time)} · ${md(e.groupName)} · ${md(e.senderName)} · ${formatNumber(e.personMinutes)} person-min · ${e.categories.join(', ')}`);
    out.push(`  > ${text}`);
    if (rules) out.push(`  rules: ${rules}`);
  }
  // Notes are our own sentences, not user text: written as they are.
  for (const note of details.notes ?? []) out.push(`> ${note}`, '');
  return `${out.join('\n')}\n`;
}
