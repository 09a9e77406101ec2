import type { Report } from '../analysis/report/report.js';

/** The contract's JSON: stable key order (the builder's), 2-space indent, one trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
