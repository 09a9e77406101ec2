import type { DayCount } from '../../analysis/report/details.js';
import type { Column } from './column-chart.js';

/** What one column of the demands chart counts. */
export type ChartPeriod = 'day' | 'week' | 'month' | 'year';

/**
 * Columns the demands chart draws at most: past it days become weeks, then months, then years, so
 * that a column stays wide enough to see and an export of years (2000 to 2099) stays a small file.
 */
export const MAX_COLUMNS = 100;

const DAY_MS = 86_400_000;
/** The Monday on or before a day, as days since 1970-01-01 (a Thursday). */
const monday = (date: string): number => {
  const n = Date.parse(date) / DAY_MS;
  return n - ((n + 3) % 7);
};

/**
 * The report's days as chart columns: a column a day when they are few enough, else a week (Monday
 * to Sunday, named by its first day in the period), a month or a year. A day's label carries its
 * year when the period spans years (2025-12-29, 2026-01-05), else not (11-23).
 */
export function demandColumns(days: readonly DayCount[]): { period: ChartPeriod; columns: Column[] } {
  const manyYears = days.length > 0 && days[0].date.slice(0, 4) !== days[days.length - 1].date.slice(0, 4);
  const dayLabel = (date: string): string => (manyYears ? date : date.slice(5));
  const month = (date: string): string => date.slice(0, 7);
  const year = (date: string): string => date.slice(0, 4);
  const finer: [ChartPeriod, (date: string) => string | number, (date: string) => string][] = [
    ['day', (d) => d, dayLabel],
    ['week', monday, dayLabel],
    ['month', month, month],
  ];
  for (const [period, key, label] of finer) {
    const columns = bucketed(days, key, label);
    if (columns.length <= MAX_COLUMNS) return { period, columns };
  }
  return { period: 'year', columns: bucketed(days, year, year) };
}

/** Consecutive days of one key summed into one column, labelled by its first day. */
function bucketed(days: readonly DayCount[], key: (date: string) => string | number, label: (date: string) => string): Column[] {
  const columns: Column[] = [];
  let last: string | number | undefined;
  for (const d of days) {
    const k = key(d.date);
    if (k === last) columns[columns.length - 1].value += d.demands;
    else columns.push({ label: label(d.date), value: d.demands });
    last = k;
  }
  return columns;
}
