import { extname } from 'node:path';
import type { Lang } from '../core/lang.js';
import type { Pseudonyms } from '../core/pseudonyms.js';
import { InputError } from '../core/errors.js';
import type { Report } from '../analysis/report/report.js';
import type { ReportDetails } from '../analysis/report/details.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-md.js';
import { renderHtml } from './render-html.js';

export const REPORT_FORMATS = ['json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Checks a `--format` value; anything else is an InputError naming the option. */
export function reportFormat(value: string | undefined, option = '--format'): ReportFormat {
  if (value === undefined) return 'json';
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new InputError(`${option}: expected json, md or html, got "${value}"`);
}

// `--out report.html` alone asks for HTML: the format follows the file's extension unless given, in
// each spelling editors and hosts know it by.
const BY_EXTENSION: Record<string, ReportFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.mdown': 'md',
  '.mkd': 'md',
  '.mkdn': 'md',
  '.mdwn': 'md',
  '.json': 'json',
};

/** The report format a file's extension names, if any. */
export const extensionFormat = (path: string): ReportFormat | undefined => BY_EXTENSION[extname(path).toLowerCase()];

/** The format `--format` names, else the one `--out`'s extension names, else JSON (`audit` and `report` alike). */
export function chosenFormat(format: string | undefined, out: string | undefined): ReportFormat {
  return reportFormat(format ?? (out ? extensionFormat(out) : undefined));
}

/** The report in the format `audit` and `report` were asked for; Markdown and HTML in `lang`, JSON as the contract has it. */
export function renderReport(format: ReportFormat, report: Report, details: ReportDetails, lang: Lang, pseudonyms?: Pseudonyms): string {
  if (format === 'md') return renderMarkdown(report, details, lang, pseudonyms);
  if (format === 'html') return renderHtml(report, details, lang, pseudonyms);
  return renderJson(report);
}
