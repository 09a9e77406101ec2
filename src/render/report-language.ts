import { isLang, languageOf, type Lang } from '../core/lang.js';
import { InputError } from '../core/errors.js';
import type { Report } from '../analysis/report/report.js';
import type { ReportDetails } from '../analysis/report/details.js';

/** Checks a `--lang` value: zh, en, or not given; anything else is an InputError naming the option. */
export function languageOption(value: string | undefined, option = '--lang'): Lang | undefined {
  if (value === undefined || isLang(value)) return value;
  throw new InputError(`${option}: expected zh or en, got "${value}"`);
}

/** The language of a Markdown or HTML report: the one chosen (`--lang`, else the config's), else its groups' (see languageOf). */
export function reportLanguage(chosen: Lang | undefined, report: Pick<Report, 'groups'>, details: Pick<ReportDetails, 'evidence'>): Lang {
  return (
    chosen ??
    languageOf(
      report.groups.map((g) => g.name),
      evidenceTexts(details),
    )
  );
}

/** The texts of a report's evidence: the messages whose language decides when group names do not. */
export function evidenceTexts(details: Pick<ReportDetails, 'evidence'>): string[] {
  return details.evidence.flatMap((e) => (e.text === null ? [] : [e.text]));
}
