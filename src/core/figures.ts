/**
 * Person-minutes as person-hours to one decimal, halves up, the unit readers of a report think in, for
 * a chart's scale. minutes / 6 is tenths of an hour, exact at every half (6k + 3 minutes, whole), so
 * Math.round takes each half up: toFixed on the hours saw 0.35 as the binary 0.3499… (21 min read 0.3 h).
 */
export function hours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/**
 * Person-hours as every text for people writes them (reports, charts, digest, chat answers), always
 * with one decimal and thousands separators: 2501 → "2,501.0". JSON and CSV keep plain numbers.
 */
export function formatHours(h: number): string {
  return h.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Person-minutes as those person-hours: 150060 → "2,501.0". */
export function personHours(minutes: number): string {
  return formatHours(hours(minutes));
}

/** A count or figure with thousands separators: 8123.5 → "8,123.5". */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/**
 * Person-minutes as the costs make them, cleared of binary noise (0.1 + 0.2): a cost of up to 6
 * decimals times whole recipients stays exact, so a report's groups add up to its total (rounded to
 * 0.1, three groups of 0.75 read 0.8 each beside a total of 2.3). Texts for people round for show.
 */
export function exactMinutes(minutes: number): number {
  return Math.round(minutes * 1e6) / 1e6;
}

/** Person-minutes as reports write them, to two decimals at most: a quarter-minute cost reads 0.75, as in the JSON. */
export function formatMinutes(minutes: number): string {
  return minutes.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
