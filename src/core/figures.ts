/** Person-minutes as person-hours to one decimal, the unit readers of a report think in, for a chart's scale. */
export function hours(minutes: number): number {
  return Number((minutes / 60).toFixed(1));
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
