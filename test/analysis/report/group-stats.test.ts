import { describe, expect, it } from 'vitest';
import { minutesByCategory, newGroupStats } from '../../../src/analysis/report/group-stats.js';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import { CATEGORIES } from '../../../src/core/categories.js';
import { groupKey } from '../../../src/core/group-key.js';

describe('group stats', () => {
  it('cost demands of unknown recipients at the size given, beside the minutes of known ones', () => {
    const g = newGroupStats(groupKey('slack', 'C1'), 'C1', 'ops');
    const i = CATEGORIES.indexOf('check-in');
    g.knownMinutes[i] = 10;
    g.unknownDemands[i] = 2;
    const costs = defaultConfig().costs;
    // Everyone but the sender: 5 members, 4 recipients each.
    expect(minutesByCategory(g, 5, costs)[i]).toBe(10 + 2 * 4 * costs['check-in']);
    expect(minutesByCategory(g, 5, costs).filter((m, k) => k !== i && m !== 0)).toEqual([]);
  });
});
