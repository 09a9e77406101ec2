import type { Config } from '../core/config.js';
import { personHours as hours } from '../core/figures.js';
import { formatIso } from '../core/time/format.js';
import { weekRange } from '../core/time/iso-week.js';
import { dayString, localDay } from '../core/time/zone.js';
import type { Digest, ShownGroup } from './digest.js';
import { categoryLabel, TEXTS } from './texts.js';

const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/**
 * The most of a finding list a digest names (duplicates, ack storms, overlapping groups), the
 * report's order kept: it is one chat message, and a supervisor of 200 groups that share members
 * would get 19,900 overlaps. The rest are counted; the report lists them all.
 */
export const DIGEST_LIST_MAX = 10;

/** The digest as plain text in its language: what every platform gets, and what `digest --print` shows. */
export function digestText(d: Digest, thresholds: Config['digest']['thresholds']): string {
  const t = TEXTS[d.lang];
  const names = (gs: ShownGroup[]): string => gs.join(t.listSep);
  const range = weekRange(d.week, d.timezone);
  const lines = [t.title(d.week, dayString(localDay(range.from, d.timezone)), dayString(localDay(range.to - 1, d.timezone)))];
  const section = (title: string, items: string[]): void => {
    if (items.length) lines.push('', title, ...items.map((i) => `  ${i}`));
  };
  const capped = (items: string[]): string[] =>
    items.length > DIGEST_LIST_MAX ? [...items.slice(0, DIGEST_LIST_MAX), t.more(items.length - DIGEST_LIST_MAX)] : items;

  const feedback = (): void => {
    if (d.feedback.corrected + d.feedback.missed > 0) lines.push('', t.feedback(d.feedback.corrected, d.feedback.missed, d.feedback.correctedBySender));
  };

  // Said whatever the week's demands, so that it tells no more than the scope does.
  const leftOutNote = (): void => {
    if (d.smallGroupsLeftOut) lines.push('', t.smallGroupsLeftOut);
  };

  if (d.demands === 0) {
    lines.push(d.heldBack ? t.heldBack[d.heldBack] : t.nothing);
    section(
      t.leads,
      d.leads.map((l) => t.quote(l)),
    );
    feedback();
    leftOutNote();
    return lines.join('\n');
  }
  lines.push(t.total(d.demands, hours(d.personMinutes)));
  const before = d.trend.slice(0, -1).map((w) => w.personMinutes);
  const average = before.reduce((a, m) => a + m, 0) / (before.length || 1);
  if (average > 0) {
    const change = Math.round(((d.personMinutes - average) / average) * 100);
    lines.push(t.trendVs(hours(average), `${change >= 0 ? '+' : ''}${change}%`, before.length));
  }
  lines.push(t.afterHours(d.afterHours, percent(d.afterHours, d.demands)));

  section(
    t.byCategory,
    d.categories.map((c) => `${categoryLabel(c, d.lang)}${t.colon}${t.count(c.demands, hours(c.personMinutes))}`),
  );
  section(
    t.byGroup,
    d.groups.map((g) => `${t.ratings[g.rating]} ${g.name}${t.colon}${t.count(g.demands, hours(g.personMinutes))}`),
  );
  lines.push('', t.trend, `  ${d.trend.map((w) => `${t.weekLabel(w.week)} ${hours(w.personMinutes)}`).join(' → ')}`);
  section(t.duplicates, capped(d.duplicates.map((gs) => t.duplicate(names(gs)))));
  section(t.ackStorms, capped(d.ackStorms.map((a) => t.ackStorm(a.group, a.acks))));
  section(t.sprawl, capped(d.sprawl.map((s) => t.overlap(names(s.groups), Math.round(s.overlap * 100)))));
  section(
    t.leads,
    d.leads.map((l) => t.quote(l)),
  );
  feedback();
  section(
    t.examples,
    d.examples.map((e, i) => {
      const time = t.sentAt(formatIso(e.ts, d.timezone));
      return t.example(i + 1, t.quote(e.text), e.group, time, hours(e.personMinutes), e.rules.join(t.listSep));
    }),
  );
  if (d.senders)
    section(
      t.senders,
      d.senders.map((s) => `${s.name}${t.colon}${t.sent(s.demands)}`),
    );
  leftOutNote();
  lines.push('', t.legend(thresholds.yellow, thresholds.red));
  return lines.join('\n');
}
