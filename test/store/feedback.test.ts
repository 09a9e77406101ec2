import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { finding, rec, tempStore } from './fixtures.js';

describeEngines('markFalsePositive', (engine) => {
  it("drops one rule's findings, recomputes the categories, and keeps the feedback for tuning", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(
      rec('m1', {
        categories: ['check-in', 'proof-demand'],
        recipients: 10,
        text: '打卡并截图',
        findings: [finding('check-in', 'check-in/a', '打卡'), finding('proof-demand', 'proof-demand/b', '截图')],
      }),
    );
    expect(await store.markFalsePositive('slack', 'm1', 'check-in/a', 'U7')).toBe(true);
    const after = await store.message('slack', 'm1');
    expect(after?.categories).toEqual(['proof-demand']);
    expect(after?.findings.map((f) => f.rule)).toEqual(['proof-demand/b']);
    expect(after?.text).toBe('打卡并截图');
    const totals = await store.categoryTotals({ from: 0, to: 2_000_000 });
    expect([totals['check-in'].count, totals['proof-demand'].count]).toEqual([0, 1]);

    // The whole message: it stops being a demand and keeps no text; the feedback rows keep it.
    expect(await store.markFalsePositive('slack', 'm1', null, 'U8')).toBe(true);
    expect(await store.message('slack', 'm1')).toMatchObject({ categories: [], findings: [], text: null });
    expect((await store.categoryTotals({ from: 0, to: 2_000_000 }))['proof-demand'].count).toBe(0);
    await store.close();
    const db = await rawDb(store.path);
    const rows = await db.all<{ rule: string | null; by_user: string; text: string; findings: string }>(
      'SELECT rule, by_user, text, findings FROM feedback ORDER BY rowid',
    );
    await db.close();
    expect(rows.map((r) => [r.rule, r.by_user, r.text, JSON.parse(r.findings).map((f: { rule: string }) => f.rule)])).toEqual([
      ['check-in/a', 'U7', '打卡并截图', ['check-in/a']],
      [null, 'U8', '打卡并截图', ['proof-demand/b']],
    ]);
  });

  it("writes the command's done mark in the correction's commit, so a crash between them cannot run it twice", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { cats: ['check-in'] }));
    expect(await store.seen('slack', 'command:c1:done')).toBe(false);
    expect(await store.markFalsePositive('slack', 'm1', null, 'U7', 'command:c1:done')).toBe(true);
    expect(await store.seen('slack', 'command:c1:done')).toBe(true);
  });

  it('answers false for a message it does not hold', async () => {
    const store = await tempStore({}, await engine.fresh());
    expect(await store.markFalsePositive('slack', 'ghost', null, 'U1')).toBe(false);
  });

  it('reads every correction back with what its message is still flagged for, as training needs', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { cats: ['check-in', 'proof-demand'] }));
    await store.add(rec('m2', { cats: ['like-quota'], senderId: 'U2' }));
    await store.add(rec('m3', { cats: ['ack-demand'], senderId: 'U3', ts: 100 }));
    await store.add(rec('m4', { cats: ['data-request'], ts: 100 }));
    await store.markFalsePositive('slack', 'm1', 'check-in/test', 'U9');
    await store.markFalsePositive('slack', 'm2', null, 'U9');
    await store.markFalsePositive('slack', 'm3', null, 'U9');
    await store.markFalsePositive('slack', 'm4', 'data-request/test', 'U9');
    await store.forgetUser('slack', 'U2');
    // The messages of ts 100 go; the feedback, written now, stays.
    expect(await store.purge(200)).toBe(2);

    const rows = await store.falsePositives();
    expect(rows.map((r) => [r.messageId, r.rule, r.text, r.flaggedFor])).toEqual([
      ['m1', 'check-in/test', 'text of m1', ['proof-demand']],
      ['m2', null, null, []],
      ['m3', null, 'text of m3', null],
      ['m4', 'data-request/test', 'text of m4', null],
    ]);
    expect(rows.every((r) => r.platform === 'slack' && r.ts > 1_000_000)).toBe(true);
  });
});
