import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { groupWeekStats, memberWeekStats } from '../../src/analysis/week-stats.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import { personHours } from '../../src/core/figures.js';
import { rec, tempStore } from '../store/fixtures.js';

describeEngines('week stats', (engine) => {
  it('give person-minutes as reports do, so a fractional cost whose sum is a half rounds up in hours', async () => {
    const store = await tempStore({}, await engine.fresh());
    const config = { ...defaultConfig(), timezone: 'UTC' };
    // 0.35 × 180 is 62.999… in binary: 1.05 hours, which must read 1.1 as 63 minutes does.
    config.costs = { ...config.costs, 'proof-demand': 0.35 };
    const now = Date.UTC(2026, 10, 25, 12);
    await store.upsertGroup({ platform: 'slack', id: 'C1', name: 'ops', memberCount: 181, memberIds: ['U1', 'U2'] });
    await store.add(rec('a', { groupId: 'C1', senderId: 'U1', cats: ['proof-demand'], recipients: 180, ts: now - 3_600_000 }));
    await store.flush();
    const group = await groupWeekStats(store, config, 'slack', 'C1', now);
    expect(group.current.personMinutes).toBe(63);
    expect(personHours(group.current.personMinutes)).toBe(personHours(63));
    // A member's own: 1 × 0.03 + 3 × 0.99 sums to 2.9999999999999996 (3 minutes: 0.1 hours, not 0.0).
    const costs = { ...config.costs, 'check-in': 0.03, 'data-request': 0.99 };
    await store.add(rec('b', { groupId: 'C1', senderId: 'U1', cats: ['check-in'], recipients: 180, ts: now - 3_500_000 }));
    for (const id of ['c', 'd', 'e']) await store.add(rec(id, { groupId: 'C1', senderId: 'U1', cats: ['data-request'], recipients: 180, ts: now - 3_400_000 }));
    await store.flush();
    const member = await memberWeekStats(store, { ...config, costs: { ...costs, 'proof-demand': 0 } }, 'slack', 'U2', now);
    expect(member.current.personMinutes).toBe(3);
    expect(personHours(member.current.personMinutes)).toBe(personHours(3));
    await store.close();
  });
});
