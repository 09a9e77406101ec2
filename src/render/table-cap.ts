/**
 * Rows a report's groups and senders tables show at most: a report over a whole organisation's
 * export has thousands of senders, and a reader looks at the heaviest. The rest are counted in a
 * last row ("and N more"); the JSON report keeps every one.
 */
export const TABLE_ROWS = 50;

/** The first `limit` items, and how many were left out. */
export function capped<T>(items: readonly T[], limit = TABLE_ROWS): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}
