/** Person-minutes as person-hours with one decimal, the unit readers of a report think in. */
export function personHours(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

/** A count or figure with thousands separators: 8123.5 → "8,123.5". */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}
