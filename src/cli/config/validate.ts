import { isLang } from '../../core/lang.js';
import { InputError } from '../../core/errors.js';
import { isCategory } from '../../core/categories.js';
import type { Config, Supervisor } from '../../core/config.js';
import { COST_MINUTES, RETENTION_DAYS, WEEK_PERSON_MINUTES, expected, inBound, type Bound } from '../../core/bounds.js';
import { pathFromConfig } from '../../core/config-path.js';
import { dbSetting } from './db-path.js';
import { isCronExpression } from '../../digest/fire-times.js';
import { hhmmToMinutes } from '../../core/time/workhours.js';
import { ADAPTER_NAMES } from '../adapters.js';

type Obj = Record<string, unknown>;

const TOP_KEYS = new Set(['db', 'language', 'timezone', 'workhours', 'costs', 'retentionDays', 'rules', 'model', 'admins', 'digest', 'adapters']);
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The keys a section of the config may hold: another is a misspelling that would be silently ignored (digest.supervisor). */
const SECTION_KEYS: Record<string, readonly string[]> = {
  workhours: ['start', 'end', 'days'],
  digest: ['cron', 'detail', 'thresholds', 'supervisors'],
  'digest.thresholds': ['yellow', 'red'],
  'digest.supervisors[]': ['platform', 'user', 'groups', 'lang'],
};

/**
 * Checks a parsed config against the contract and merges it over the defaults; errors name file and key.
 * Relative paths (`db`, `rules`, `model`) are resolved from the file's folder.
 */
export function validateConfig(raw: unknown, file: string, base: Config): Config {
  const fail = (key: string, why: string): never => {
    throw new InputError(`${file}: config key ${key}: ${why}`);
  };
  if (!isObj(raw)) fail('(top)', 'expected a mapping');
  const r = raw as Obj;
  for (const key of Object.keys(r)) if (!TOP_KEYS.has(key)) fail(key, 'unknown key');
  const str = (key: string, v: unknown): string => (typeof v === 'string' && v !== '' ? v : fail(key, 'expected a non-empty string'));
  const num = (key: string, v: unknown, b: Bound): number => (inBound(v, b) ? v : fail(key, `expected ${expected(b)}`));
  const path = (key: string, v: unknown): string => pathFromConfig(file, str(key, v));
  const known = (section: Obj, keys: readonly string[], at: string): void => {
    for (const key of Object.keys(section)) if (!keys.includes(key)) fail(`${at}.${key}`, `unknown key (known: ${keys.join(', ')})`);
  };

  if (r.db !== undefined)
    base.db = dbSetting(
      str('db', r.db),
      (why) => fail('db', why),
      (p) => pathFromConfig(file, p),
    );
  if (r.language !== undefined) base.language = isLang(r.language) ? r.language : fail('language', 'expected zh or en');
  if (r.timezone !== undefined) {
    base.timezone = str('timezone', r.timezone);
    try {
      new Intl.DateTimeFormat('en', { timeZone: base.timezone });
    } catch {
      fail('timezone', `unknown time zone "${base.timezone}"`);
    }
  }
  if (r.workhours !== undefined) {
    if (!isObj(r.workhours)) fail('workhours', 'expected {start, end, days}');
    const w = r.workhours as Obj;
    known(w, SECTION_KEYS.workhours, 'workhours');
    if (w.start !== undefined) base.workhours.start = HHMM.test(String(w.start)) ? String(w.start) : fail('workhours.start', 'expected "HH:MM"');
    // A working day may run to midnight, written 24:00.
    if (w.end !== undefined)
      base.workhours.end = HHMM.test(String(w.end)) || String(w.end) === '24:00' ? String(w.end) : fail('workhours.end', 'expected "HH:MM"');
    // A night shift across midnight would read as no work hours at all: every demand after-hours.
    if (hhmmToMinutes(base.workhours.start) >= hhmmToMinutes(base.workhours.end))
      fail('workhours', `start (${base.workhours.start}) must be before end (${base.workhours.end}); hours across midnight are not supported`);
    if (w.days !== undefined) {
      const ok = Array.isArray(w.days) && w.days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7);
      base.workhours.days = ok ? (w.days as number[]) : fail('workhours.days', 'expected ISO weekdays 1-7');
    }
  }
  if (r.costs !== undefined) {
    if (!isObj(r.costs)) fail('costs', 'expected a mapping of category to minutes');
    for (const [cat, v] of Object.entries(r.costs as Obj)) {
      if (!isCategory(cat)) fail(`costs.${cat}`, 'unknown category');
      base.costs[cat as keyof Config['costs']] = num(`costs.${cat}`, v, COST_MINUTES);
    }
  }
  if (r.retentionDays !== undefined) base.retentionDays = num('retentionDays', r.retentionDays, RETENTION_DAYS);
  if (r.rules !== undefined) {
    const list = typeof r.rules === 'string' ? [r.rules] : r.rules;
    base.rules = Array.isArray(list) ? list.map((d, i) => path(`rules[${i}]`, d)) : fail('rules', 'expected a folder or a list of folders');
  }
  if (r.model !== undefined) base.model = path('model', r.model);
  if (r.admins !== undefined) {
    if (!isObj(r.admins)) fail('admins', 'expected {platform: [user ids]}');
    for (const [platform, ids] of Object.entries(r.admins as Obj)) {
      base.admins[platform] = Array.isArray(ids) ? ids.map(String) : fail(`admins.${platform}`, 'expected a list of user ids');
    }
  }
  if (r.digest !== undefined) {
    if (!isObj(r.digest)) fail('digest', 'expected a mapping');
    const d = r.digest as Obj;
    known(d, SECTION_KEYS.digest, 'digest');
    if (d.cron !== undefined) {
      const expression = str('digest.cron', d.cron);
      base.digest.cron = isCronExpression(expression) ? expression : fail('digest.cron', `invalid cron expression "${expression}"`);
    }
    if (d.detail !== undefined)
      base.digest.detail = d.detail === 'senders' || d.detail === 'group' ? d.detail : fail('digest.detail', 'expected group or senders');
    if (d.thresholds !== undefined) {
      const t = isObj(d.thresholds) ? d.thresholds : fail('digest.thresholds', 'expected {yellow, red}');
      known(t, SECTION_KEYS['digest.thresholds'], 'digest.thresholds');
      for (const k of ['yellow', 'red'] as const) {
        if (t[k] !== undefined) base.digest.thresholds[k] = num(`digest.thresholds.${k}`, t[k], WEEK_PERSON_MINUTES);
      }
      // Red is the worse rating: a yellow above it would rate every group past red yellow.
      if (base.digest.thresholds.yellow > base.digest.thresholds.red)
        fail('digest.thresholds', `yellow (${base.digest.thresholds.yellow}) must not be above red (${base.digest.thresholds.red})`);
    }
    if (d.supervisors !== undefined) {
      if (!Array.isArray(d.supervisors)) fail('digest.supervisors', 'expected a list of {platform, user}');
      base.digest.supervisors = (d.supervisors as unknown[]).map((s, i): Supervisor => {
        if (!isObj(s)) return fail(`digest.supervisors[${i}]`, 'expected {platform, user}');
        known(s, SECTION_KEYS['digest.supervisors[]'], `digest.supervisors[${i}]`);
        const sup: Supervisor = {
          platform: str(`digest.supervisors[${i}].platform`, s.platform),
          user: str(`digest.supervisors[${i}].user`, String(s.user ?? '')),
        };
        if (s.groups !== undefined) sup.groups = Array.isArray(s.groups) ? s.groups.map(String) : fail(`digest.supervisors[${i}].groups`, 'expected a list');
        if (s.lang !== undefined) sup.lang = isLang(s.lang) ? s.lang : fail(`digest.supervisors[${i}].lang`, 'expected zh or en');
        return sup;
      });
    }
  }
  if (r.adapters !== undefined) {
    if (!isObj(r.adapters)) fail('adapters', 'expected a mapping of adapter name to settings');
    for (const [name, settings] of Object.entries(r.adapters as Obj)) {
      if (!ADAPTER_NAMES.includes(name)) fail(`adapters.${name}`, `unknown adapter (known: ${ADAPTER_NAMES.join(', ')})`);
      base.adapters[name] = settings == null ? {} : isObj(settings) ? settings : fail(`adapters.${name}`, 'expected a mapping');
    }
  }
  return base;
}
