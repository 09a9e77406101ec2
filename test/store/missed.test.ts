import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { missedReport, rec, tempStore } from './fixtures.js';

const report = missedReport;

describeEngines('reportMissed', (engine) => {
  it('keeps each report with its text, adds the categories a reporter names again, and counts in no figure', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { ts: 1000 }));
    await store.reportMissed(report());
    await store.reportMissed(report({ categories: ['ranking-pressure'] }));
    await store.reportMissed(report({ byUser: 'U8', categories: ['like-quota'] }));
    const rows = await store.missedDemands();
    // One row per reporter (in time order, which a fast test may not tell apart).
    expect(rows.map((r) => [r.messageId, r.text, r.categories, r.flaggedFor]).sort()).toEqual([
      ['m1', report().text, ['like-quota'], []],
      ['m1', report().text, ['like-quota', 'ranking-pressure'], []],
    ]);
    expect(await store.demandCount({ from: 0, to: 2_000_000 })).toBe(0);
  });

  it('names what the message is flagged for now, and null for a message it does not hold', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { cats: ['check-in'], ts: 1000 }));
    await store.reportMissed(report({ categories: ['proof-demand'] }));
    await store.reportMissed(report({ messageId: 'elsewhere' }));
    const rows = (await store.missedDemands()).map((r) => [r.messageId, r.flaggedFor]);
    expect(rows.sort()).toEqual([
      ['elsewhere', null],
      ['m1', ['check-in']],
    ]);
  });

  it("erases the text when its sender is forgotten, and the reporter's id when the reporter is", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.reportMissed(report());
    await store.reportMissed(report({ messageId: 'm2', senderId: 'U2' }));
    await store.forgetUser('slack', 'U1');
    await store.forgetUser('slack', 'U9');
    const rows = await store.missedDemands();
    expect(rows.map((r) => [r.messageId, r.text]).sort()).toEqual([
      ['m1', null],
      ['m2', report().text],
    ]);
    await store.close();
    const db = await rawDb(store.path);
    const byUsers = await db.all<{ by_user: string; sender_id: string }>('SELECT by_user, sender_id FROM missed_demands ORDER BY message_id');
    await db.close();
    expect(byUsers.map((r) => [r.by_user.startsWith('anon-'), r.sender_id.startsWith('anon-') || r.sender_id])).toEqual([
      [true, true],
      [true, 'U2'],
    ]);
  });

  it('keeps no report of a message sent before its sender was forgotten; one sent after, or by another, it keeps', async () => {
    const store = await tempStore({}, await engine.fresh());
    const before = Date.now() - 60_000;
    await store.forgetUser('slack', 'U1');
    expect(await store.reportMissed(report({ sentAt: before }))).toBe(false);
    expect(await store.reportMissed(report({ messageId: 'm2', sentAt: Date.now() + 60_000 }))).toBe(true);
    expect(await store.reportMissed(report({ messageId: 'm3', senderId: 'U2', sentAt: before }))).toBe(true);
    expect((await store.missedDemands()).map((r) => r.messageId).sort()).toEqual(['m2', 'm3']);
    // The note is the salted hash opt-outs are kept as, never the id; the purge takes it with the rest.
    await store.purge(Date.now() + 120_000);
    await store.close();
    const db = await rawDb(store.path);
    const notes = await db.all<{ id_hash: string }>('SELECT id_hash FROM forgotten_users');
    await db.close();
    expect(notes).toEqual([]);
  });

  it('notes who was forgotten under a salted hash, never the id', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.forgetUser('slack', 'U1');
    await store.close();
    const db = await rawDb(store.path);
    const notes = await db.all<{ platform: string; id_hash: string }>('SELECT platform, id_hash FROM forgotten_users');
    await db.close();
    expect(notes).toHaveLength(1);
    expect(notes[0].platform).toBe('slack');
    expect(notes[0].id_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('goes with the purge of what is older than the cutoff', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.reportMissed(report());
    expect(await store.purge(Date.now() - 60_000)).toBe(0);
    expect(await store.missedDemands()).toHaveLength(1);
    await store.purge(Date.now() + 60_000);
    expect(await store.missedDemands()).toEqual([]);
  });

  it("counts the scope's messages corrected and reported missed, each once", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { ts: 1000, groupId: 'C1' }));
    await store.add(rec('m2', { ts: 1000, groupId: 'C2', cats: ['check-in'] }));
    await store.add(rec('m3', { ts: 5000, groupId: 'C1', cats: ['like-quota'] }));
    await store.reportMissed(report());
    await store.reportMissed(report({ byUser: 'U8' }));
    await store.markFalsePositive('slack', 'm2', null, 'U9');
    await store.markFalsePositive('slack', 'm3', null, 'U1'); // by its own sender
    await store.reportMissed(report({ messageId: 'not-stored' }));
    expect(await store.feedbackCounts({ from: 0, to: 2000 })).toEqual({ corrected: 1, missed: 1, correctedBySender: 0 });
    expect(await store.feedbackCounts({ from: 0, to: 9000, groupIds: ['C1'] })).toEqual({ corrected: 1, missed: 1, correctedBySender: 1 });
    expect(await store.feedbackCounts({ from: 0, to: 9000, platform: 'wechat' })).toEqual({ corrected: 0, missed: 0, correctedBySender: 0 });
  });
});
