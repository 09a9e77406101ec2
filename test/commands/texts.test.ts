import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/commands/texts.js';
import { zeroByCategory } from '../../src/core/categories.js';
import type { WeekStats } from '../../src/analysis/week-stats.js';

const week = (demands: number, personMinutes: number): WeekStats['current'] => ({
  demands,
  personMinutes,
  byCategory: { ...zeroByCategory(), 'data-request': demands },
});
const stats: WeekStats = { week: '2026-W48', days: { first: '2026-11-23', last: '2026-11-29' }, current: week(1234, 84983), previous: week(0, 0) };

describe('stats', () => {
  it('writes its figures as the reports and the digest do, with thousands separators', () => {
    expect(TEXTS.stats(stats, 'group', 'ops', 'zh')).toContain('共有 1,234 条疑似形式主义要求，合计约 84,983 人·分钟（1,416.4 人·小时）');
    expect(TEXTS.stats(stats, 'group', 'ops', 'zh')).toContain('填表报数 1,234 条');
    expect(TEXTS.stats(stats, 'group', 'ops', 'en')).toContain('1,234 possible formalism demands, about 84,983 person-minutes (1,416.4 person-hours)');
  });
});
