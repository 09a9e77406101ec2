import { extname } from 'node:path';
import { extensionFormat, type ReportFormat } from '../render/render.js';

const NAMES: Record<ReportFormat, string> = { json: 'JSON', md: 'Markdown', html: 'HTML' };
// Spreadsheets' extensions: what is wanted there is the audit's CSV evidence, which no report format is.
const SHEETS: Record<string, string> = { '.csv': 'CSV', '.tsv': 'TSV', '.xls': 'Excel', '.xlsx': 'Excel' };

/**
 * One line when `--out`'s extension names another format than the report written there (`--out r.csv`
 * wrote JSON), saying what was written and how to get what the name asks for; none when they agree or
 * the extension names no format. `evidence` says how this command's user gets the CSV evidence.
 */
export function outFormatNote(out: string, format: ReportFormat, evidence: string): string | undefined {
  const sheet = SHEETS[extname(out).toLowerCase()];
  if (sheet) return `${out}: written as ${NAMES[format]}, not ${sheet} (--format json|md|html chooses); for CSV evidence use ${evidence}`;
  const named = extensionFormat(out);
  if (named === undefined || named === format) return undefined;
  return `${out}: written as ${NAMES[format]}, not ${NAMES[named]} (--format ${named} writes ${NAMES[named]})`;
}
