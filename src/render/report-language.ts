import { isLang, languageOfNames, type Lang } from '../core/lang.js';
import { InputError } from '../core/errors.js';
import type { Report } from '../analysis/report/report.js';

/** Checks a `--lang` value: zh, en, or not given; anything else is an InputError naming the option. */
export function languageOption(value: string | undefined, option = '--lang'): Lang | undefined {
  if (value === undefined || isLang(value)) return value;
  throw new InputError(`${option}: expected zh or en, got "${value}"`);
}

/** The language of a Markdown or HTML report: the one chosen (`--lang`, else the config's), else that of most group names. */
export function reportLanguage(chosen: Lang | undefined, report: Pick<Report, 'groups'>): Lang {
  return chosen ?? languageOfNames(report.groups.map((g) => g.name));
}
