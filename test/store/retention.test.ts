import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { retentionCutoff } from '../../src/store/retention.js';
import { collect, rec, tempStore } from './fixtures.js';

describeEngines('purge', (engine) => {
  it('deletes messages, event keys, leads and feedback older than the cutoff, and counts the messages', async () => {
    const store = await tempStore({}, await engine.fresh());
    await Promise.all([
      store.add(rec('old1', { ts: 100, cats: ['check-in'] })),
      store.add(rec('old2', { ts: 199 })),
      store.add(rec('new', { ts: 200 })),
      store.markSeen('slack', 'old-event', 150),
      store.markSeen('slack', 'new-event', 250),
    ]);
    await store.markFalsePositive('slack', 'old1', null, 'U1'); // feedback dated now: kept
    await store.addLead('slack', null, 'old lead', 100);
    await store.addLead('slack', null, 'new lead', 300);
    expect(await store.purge(200)).toBe(2);
    expect((await collect(store.records({ from: 0, to: 1000 }))).map((r) => r.id)).toEqual(['new']);
    expect(await store.seen('slack', 'old-event')).toBe(false);
    expect(await store.seen('slack', 'new-event')).toBe(true);
    expect((await store.leads({ from: 0, to: 1000 })).map((l) => l.text)).toEqual(['new lead']);
    expect(await store.purge(200)).toBe(0);
    expect(await store.purge(Date.now() + 1)).toBe(1);
    await store.close();
    const db = await rawDb(store.path);
    expect(await db.get('SELECT count(*) AS n FROM feedback')).toEqual({ n: 0 });
    await db.close();
  });

  it('purges in chunks when there is much to delete', async () => {
    const store = await tempStore({}, await engine.fresh());
    await Promise.all(Array.from({ length: 12_000 }, (_, i) => store.add(rec(`m${i}`, { ts: i }))));
    expect(await store.purge(11_000)).toBe(11_000);
    expect((await collect(store.records({ from: 0, to: 20_000 }))).length).toBe(1000);
  });

  it('computes the cutoff of a retention in days', () => {
    expect(retentionCutoff(180, 200 * 86_400_000)).toBe(20 * 86_400_000);
  });
});
