import type { Finding } from '../core/finding.js';
import type { Lang } from '../core/lang.js';
import { CATEGORIES } from '../core/categories.js';
import { CATEGORY_LABELS } from '../core/category-labels.js';
import type { Report } from '../analysis/report/report.js';
import type { DemandPlace, ReportDetails } from '../analysis/report/details.js';
import { FINDINGS_SHOWN } from '../analysis/report/derived-findings.js';
import { escapeMarkdown as md } from './escape.js';
import { formatMinutes, formatNumber, personHours } from '../core/figures.js';
import { groupNamer, shownGroupId } from './group-names.js';
import { segments } from './highlight.js';
import { capped } from './table-cap.js';
import { senderNamer } from './sender-names.js';
import { Pseudonyms } from '../core/pseudonyms.js';
import { REPORT_TEXTS } from './texts.js';

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

/**
 * The text with what the rules matched in bold. Touching matches are one run (two would meet as
 * `****`, shown as it is), and punctuation and white space at a run's ends stay outside it: CommonMark
 * closes `**` after 」 or ” only before a space or more punctuation, which Chinese text seldom has, and
 * never opens one before a space (findings stored before spans were trimmed start at ": ").
 */
function boldMatches(text: string, findings: readonly Finding[]): string {
  const runs: { text: string; matched: boolean }[] = [];
  for (const s of segments(text, findings)) {
    const matched = s.rules.length > 0;
    const last = runs.at(-1);
    if (last && last.matched && matched) last.text += s.text;
    else runs.push({ text: s.text, matched });
  }
  return runs
    .map(({ text: t, matched }) => {
      if (!matched) return md(t);
      // CommonMark counts symbols (✅, 👍, √) as punctuation too: beside a letter they keep ** from closing.
      const [, lead, core, trail] = /^([\p{P}\p{S}\s]*)(.*?)([\p{P}\p{S}\s]*)$/su.exec(t)!;
      return core ? `${md(lead)}**${md(core)}**${md(trail)}` : md(t);
    })
    .join('');
}

/** A readable Markdown report in `lang`: totals, categories with person-hours, groups, derived findings, evidence. */
export function renderMarkdown(report: Report, details: ReportDetails, lang: Lang, pseudonyms?: Pseudonyms): string {
  const t = REPORT_TEXTS[lang];
  const labels = CATEGORY_LABELS[lang];
  const groupName = groupNamer(report);
  const names = (ids: string[], sep: string): string => ids.map((g) => md(groupName(g))).join(sep);
  // Derived findings name their demands as the evidence does, by time and group, never by message id.
  const place = (d: DemandPlace): string => `${t.when(d.time)} · ${md(d.groupName)}`;
  const quoted = (quote: string | null): string => (quote === null ? '' : t.quoted(md(quote)));
  const sender = senderNamer(pseudonyms ?? new Pseudonyms([], t.memberPrefix), report.senders, t.onPlatform);
  const out: string[] = [];
  out.push(`# ${t.title}`, '');
  // Our own dates and the configured zone: nothing to escape, and escaped they read badly.
  out.push(t.period(t.when(report.period.from), t.when(report.period.to), details.timezone), '');
  out.push(
    `- ${t.messages}${t.colon}${formatNumber(report.messages)}`,
    `- ${t.demands}${t.colon}${formatNumber(report.demands)}`,
    `- ${t.burden(formatMinutes(report.person_minutes), personHours(report.person_minutes))}`,
    `- ${t.afterHours}${t.colon}${formatNumber(report.after_hours)}`,
    '',
  );
  out.push(`## ${t.byCategory}`, '', t.intro, '', row([t.category, t.demands, t.minutesPerRecipient, t.personHours]), row(['---', '---:', '---:', '---:']));
  for (const c of CATEGORIES) out.push(row([labels[c], formatNumber(report.by_category[c]), details.costs[c], personHours(details.minutesByCategory[c])]));
  out.push('');

  out.push(`## ${t.groups}`, '');
  if (report.groups.length === 0) out.push(t.noMessages);
  else {
    const { shown, more } = capped(report.groups);
    out.push(row([t.group, t.members, t.messages, t.demands, t.personHours]), row(['---', '---:', '---:', '---:', '---:']));
    for (const g of shown) {
      const id = shownGroupId(g, pseudonyms);
      out.push(
        row([
          id === undefined ? md(g.name) : `${md(g.name)} (${md(id)})`,
          formatNumber(g.members),
          formatNumber(g.messages),
          formatNumber(g.demands),
          personHours(g.person_minutes),
        ]),
      );
    }
    if (more) out.push(row([t.moreGroups(formatNumber(more)), '', '', '', '']));
  }
  out.push('');

  if (report.senders.length > 0) {
    const { shown, more } = capped(report.senders);
    out.push(`## ${t.senders}`, '', row([t.sender, t.demands]), row(['---', '---:']));
    for (const s of shown) out.push(row([md(sender(s)), formatNumber(s.demands)]));
    if (more) out.push(row([t.moreSenders(formatNumber(more)), '']));
    out.push('');
  }

  out.push(`## ${t.derived}`, '');
  // An empty section says so, as the HTML report does, rather than leaving a bare heading.
  const noneFound = (n: number): void => {
    if (n === 0) out.push(t.noneFound);
  };
  out.push(`### ${t.duplicates(report.duplicates.length)}`, '');
  noneFound(report.duplicates.length);
  const duplicates = capped(report.duplicates, details.duplicates.length);
  duplicates.shown.forEach((d, i) => {
    const { quote, messages } = details.duplicates[i];
    out.push(
      `- ${t.duplicate(d.message_ids.length, names(d.groups, t.listSep), quoted(quote))}${t.colon}${messages.map(place).join(t.listSep)}${d.message_ids.length > messages.length ? `${t.listSep}…` : ''}`,
    );
  });
  if (duplicates.more) out.push(`- ${t.moreFindings(formatNumber(duplicates.more))}`);
  out.push('', `### ${t.ackStorms(report.ack_storms.length)}`, '');
  noneFound(report.ack_storms.length);
  const storms = capped(report.ack_storms, details.ackStorms.length);
  storms.shown.forEach((s, i) => {
    const demand = details.ackStorms[i];
    out.push(`- ${place(demand)}${demand.quote === null ? '' : ` · ${quoted(demand.quote)}`}${t.colon}${t.ackStorm(s.acks)}`);
  });
  if (storms.more) out.push(`- ${t.moreFindings(formatNumber(storms.more))}`);
  out.push('', `### ${t.sprawl(report.sprawl.length)}`, '');
  noneFound(report.sprawl.length);
  // Pairs of a few hundred overlapping groups run to tens of thousands: the most alike are shown.
  const sprawl = capped(report.sprawl, FINDINGS_SHOWN);
  for (const s of sprawl.shown) out.push(`- ${t.overlap(names(s.groups, t.and), Math.round(s.overlap * 100))}`);
  if (sprawl.more) out.push(`- ${t.moreFindings(formatNumber(sprawl.more))}`);
  out.push('');

  out.push(`## ${t.evidence(details.evidence.length)}`, '');
  if (details.evidence.length === 0) out.push(t.noFlagged);
  for (const e of details.evidence) {
    const text = e.text === null ? t.textNotKept : boldMatches(e.text, e.findings);
    const rules = [...new Set(e.findings.map((f) => f.rule))].map((r) => `\`${r.replace(/`/g, '')}\``).join(t.listSep);
    out.push(
      `- ${t.when(e.time)} · ${md(e.groupName)} · ${md(sender({ id: e.senderId, name: e.senderName, platform: e.platform }))} · ${formatMinutes(e.personMinutes)} ${t.personMinutesUnit} · ${e.categories.map((c) => labels[c]).join(t.listSep)}`,
    );
    out.push(`  > ${text}`);
    // After a blank line: right below, CommonMark reads the line as more of the quote (a lazy continuation).
    if (rules) out.push('', `  ${t.rules}${t.colon}${rules}`);
  }
  // Notes are our own sentences, not user text: written as they are.
  for (const note of details.notes ?? []) out.push(`> ${note}`, '');
  return `${out.join('\n')}\n`;
}
