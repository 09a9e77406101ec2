import { expect, it } from 'vitest';
import { describeEngines } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { bytesFound } from './file-bytes.js';
import { finding, missedReport, rec, tempStore } from './fixtures.js';

const ALL = { from: 0, to: 2_000_000 };

describeEngines('edited messages', (engine) => {
  it('take the edit’s text, hash, categories and findings in place, keeping id, group, sender, time and recipients', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { cats: ['check-in'], text: 'clock in by 9', recipients: 5, groupName: 'ops', replyTo: 'm0' }));
    await store.add(rec('m2', { recipients: 5, ts: 1_000_001 }));
    const edit = { recipients: 0, groupId: 'elsewhere', senderId: 'U2', ts: 5 };
    expect(await store.editMessage(rec('m1', { ...edit, text: null, hash: 'h-lunch' }))).toBe(true);
    expect(await store.editMessage(rec('m2', { ...edit, ts: 6, cats: ['like-quota'], text: 'like my post', hash: 'h-like', length: 12 }))).toBe(true);
    expect(await store.message('slack', 'm1')).toMatchObject({ groupId: 'C1', groupName: 'ops', senderId: 'U1', ts: 1_000_000, recipients: 5, replyTo: 'm0' });
    expect(await store.message('slack', 'm1')).toMatchObject({ categories: [], findings: [], text: null, hash: 'h-lunch' });
    expect(await store.message('slack', 'm2')).toMatchObject({ ts: 1_000_001, categories: ['like-quota'], text: 'like my post', hash: 'h-like', length: 12 });
    expect(await store.categoryTotals(ALL)).toMatchObject({ 'check-in': { count: 0, recipients: 0 }, 'like-quota': { count: 1, recipients: 5 } });
    expect(await store.editMessage(rec('never'))).toBe(false);
    expect(await store.message('slack', 'never')).toBeUndefined();
  });

  it('keep a correction made before, and keep no words of a sender who opted out or was forgotten', async () => {
    const store = await tempStore({}, await engine.fresh());
    const twoRules = [finding('check-in', 'check-in/a'), finding('like-quota', 'like-quota/b')];
    await store.add(rec('m1', { cats: ['check-in', 'like-quota'], findings: twoRules }));
    await store.add(rec('m2', { senderId: 'U5', ts: 1_000_001 }));
    await store.add(rec('m3', { senderId: 'U6', ts: 1_000_002 }));
    await store.markFalsePositive('slack', 'm1', 'check-in/a', 'U9');
    await store.setOptOut('slack', 'U5', true);
    await store.forgetUser('slack', 'U6');

    await store.editMessage(rec('m1', { cats: ['check-in', 'like-quota'], findings: twoRules, text: 'edited' }));
    expect(await store.message('slack', 'm1')).toMatchObject({ categories: ['like-quota'], text: 'edited', findings: [{ rule: 'like-quota/b' }] });
    for (const id of ['m2', 'm3']) {
      await store.editMessage(rec(id, { cats: ['check-in'], text: 'SECRET words', findings: [finding('check-in', 'check-in/a', 'SECRET')] }));
      expect(await store.message('slack', id)).toMatchObject({ categories: ['check-in'], text: null, findings: [{ match: '' }] });
    }
  });

  it('are applied only when made after the edit applied last, where the platform says when (a retry comes late)', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1'));
    expect(await store.editMessage(rec('m1', { hash: 'h-second' }), 2_000)).toBe(true);
    expect(await store.editMessage(rec('m1', { cats: ['check-in'], hash: 'h-first' }), 1_000)).toBe(false);
    expect(await store.editMessage(rec('m1', { cats: ['check-in'], hash: 'h-again' }), 2_000)).toBe(false);
    expect(await store.message('slack', 'm1')).toMatchObject({ hash: 'h-second', categories: [] });
    expect(await store.editMessage(rec('m1', { hash: 'h-third' }), 3_000)).toBe(true);
    expect(await store.editMessage(rec('m1', { hash: 'h-untimed' }))).toBe(true);
    expect(await store.message('slack', 'm1')).toMatchObject({ hash: 'h-untimed' });
  });

  it('erase the old words kept with `not formalism` feedback and `missed` reports, keeping the corrections; the file holds none of them', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { cats: ['check-in'], text: 'clock in by 9 OKAPI1', findings: [finding('check-in', 'check-in/a', 'OKAPI1')] }));
    await store.add(rec('q1', { ts: 1_000_001 }));
    await store.add(rec('q2', { ts: 1_000_002 }));
    await store.markFalsePositive('slack', 'm1', 'check-in/a', 'U9');
    await store.reportMissed(missedReport({ messageId: 'q1', text: 'star the repo OKAPI2' }));
    await store.reportMissed(missedReport({ messageId: 'q2', text: 'call 13812345678 OKAPI3' }));
    // The same hash: it folds digits, so a corrected phone number or password has it too.
    await store.editMessage(rec('q2', { ts: 1_000_002 }));
    await store.editMessage(rec('m1', { text: null, hash: 'h-lunch' }));
    await store.editMessage(rec('q1', { text: null, hash: 'h-sorry' }));

    expect(await store.falsePositives()).toMatchObject([{ messageId: 'm1', rule: 'check-in/a', text: null }]);
    expect((await store.missedDemands()).map((m) => [m.messageId, m.text])).toEqual([
      ['q1', null],
      ['q2', null],
    ]);
    const db = await rawDb(store.path);
    const rows = JSON.stringify([await db.all('SELECT * FROM feedback'), await db.all('SELECT * FROM missed_demands')]);
    await db.close();
    expect(rows).not.toMatch(/OKAPI|13812345678/);
    // The edit emptied the WAL, and closing checkpoints it into the file: no byte of the old words stays.
    if (engine.name === 'sqlite') {
      expect(bytesFound(store.path, ['OKAPI1', 'OKAPI2', 'OKAPI3'])).toEqual([]);
      await store.close();
      expect(bytesFound(store.path, ['OKAPI1', 'OKAPI2', 'OKAPI3'])).toEqual([]);
    }
  });
});
