import type { Lang } from './lang.js';
import type { Category } from './categories.js';

export interface WorkHours {
  /** "HH:MM" local time in `timezone`. */
  start: string;
  end: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  days: number[];
}

export interface Supervisor {
  platform: string;
  user: string;
  /** Group ids this supervisor oversees; all groups when absent. */
  groups?: string[];
  lang?: Lang;
}

/** The configuration of docs/interface.md, with every default filled in. */
export interface Config {
  /** The SQLite file; a relative path in a config file is resolved from that file's folder. */
  db: string;
  /** The language of `audit` and `report` in Markdown and HTML; unset, the group names decide. */
  language?: Lang;
  timezone: string;
  workhours: WorkHours;
  /** Minutes one recipient spends on one demand of each category. */
  costs: Record<Category, number>;
  retentionDays: number;
  /** Extra rule folders loaded after the built-in rules (resolved like `db`). */
  rules: string[];
  /** The learned stage's model file (resolved like `db`); the shipped one when absent. */
  model?: string;
  /** Admins by platform, besides the platform's own owners/admins. */
  admins: Record<string, string[]>;
  digest: {
    cron: string;
    supervisors: Supervisor[];
    /** Per-sender figures in the digest: 'group' (default: by group only) or 'senders' (senders of demands too). */
    detail: 'group' | 'senders';
    /** Person-minutes a week per group at or above which the rating turns yellow / red. */
    thresholds: { yellow: number; red: number };
  };
  adapters: Record<string, Record<string, unknown>>;
  /** Where the config came from, for error messages; undefined for the defaults. */
  source?: string;
}
