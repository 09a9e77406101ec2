import type { Config } from './config.js';

/**
 * Minutes one recipient spends on one demand; the README's cost table explains each figure.
 * A message with several categories costs the sum of them.
 */
export const DEFAULT_COSTS: Config['costs'] = {
  'check-in': 2,
  'data-request': 15,
  'like-quota': 3,
  'app-install': 10,
  'ranking-pressure': 2,
  'proof-demand': 3,
  'ack-demand': 0.5,
};

export function defaultConfig(): Config {
  return {
    db: './fingertip.db',
    timezone: 'Asia/Shanghai',
    workhours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] },
    costs: { ...DEFAULT_COSTS },
    retentionDays: 180,
    rules: [],
    admins: {},
    digest: { cron: '0 9 * * 1', supervisors: [], detail: 'group', thresholds: { yellow: 600, red: 3000 } },
    adapters: {},
  };
}
