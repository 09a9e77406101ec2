import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../../src/store/db.js';
import { finding, rec, tempDir, tempStore } from './fixtures.js';

/** Every table's rows as JSON text: where a user's id, name or words would show if anything kept them. */
async function dump(path: string): Promise<string> {
  const db = await Db.open(path, 1000);
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'");
  const out: unknown[] = [];
  for (const { name } of tables) out.push(await db.all(`SELECT * FROM "${name}"`));
  await db.close();
  return JSON.stringify(out);
}

describe('privacy', () => {
  it('forgets a user: name, texts, matched words and memberships go, group aggregates stay', async () => {
    const store = await tempStore();
    await store.upsertGroup({ platform: 'slack', id: 'C1', memberCount: 4, memberIds: ['Uzhang', 'U2'] });
    await store.add(rec('m1', { senderId: 'Uzhang', senderName: 'Zhang San', cats: ['check-in'], recipients: 3, text: 'Zhang says clock in',
      findings: [finding('check-in', 'check-in/x', 'Zhang says clock')] }));
    await store.add(rec('m2', { senderId: 'Uzhang', senderName: 'Zhang San', ts: 1_000_001 }));
    await store.add(rec('m3', { senderId: 'U2', cats: ['check-in'], recipients: 3 }));
    await store.markFalsePositive('slack', 'm1', 'other/rule', 'Uzhang');
    const before = await store.groupTotals({ from: 0, to: 2_000_000 });

    const token = await store.forgetUser('slack', 'Uzhang');
    expect(token).toMatch(/^anon-[0-9a-f]{12}$/);
    const m1 = await store.message('slack', 'm1');
    expect(m1).toMatchObject({ senderId: token, text: null, categories: ['check-in'] });
    expect(m1?.senderName).toBeUndefined();
    expect(m1?.findings).toEqual([{ rule: 'check-in/x', category: 'check-in', span: [0, 16], match: '' }]);
    expect((await store.message('slack', 'm2'))?.senderId).toBe(token);
    expect((await store.group('slack', 'C1'))?.memberIds).toEqual(['U2']);
    expect(await store.groupTotals({ from: 0, to: 2_000_000 })).toEqual(before);
    await store.close();
    const everything = await dump(store.path);
    expect(everything).not.toMatch(/Uzhang|Zhang/);
  });

  it("stores an opted-out user's messages anonymously, also after reopening, until they opt back in", async () => {
    const path = join(tempDir(), 'optout.db');
    const store = await tempStore({}, path);
    await store.add(rec('before', { senderId: 'U5', senderName: 'Wang' }));
    await store.setOptOut('slack', 'U5', true);
    expect(await store.isOptedOut('slack', 'U5')).toBe(true);
    expect(await store.isOptedOut('slack', 'U6')).toBe(false);
    await store.add(rec('during', { senderId: 'U5', senderName: 'Wang', cats: ['like-quota'], recipients: 7, text: 'Wang: like this' }));
    await store.close();

    const reopened = await tempStore({}, path);
    await reopened.add(rec('later', { senderId: 'U5', senderName: 'Wang', cats: ['like-quota'], text: 'Wang again' }));
    const during = await reopened.message('slack', 'during');
    const later = await reopened.message('slack', 'later');
    expect(during?.senderId).toMatch(/^anon-/);
    expect(later?.senderId).toBe(during?.senderId);
    for (const r of [during, later]) {
      expect(r).toMatchObject({ text: null, categories: ['like-quota'] });
      expect(r?.senderName).toBeUndefined();
      expect(r?.findings.every((f) => f.match === '')).toBe(true);
    }
    expect((await reopened.categoryTotals({ from: 0, to: 2_000_000 }))['like-quota']).toEqual({ count: 2, recipients: 7 });
    expect((await reopened.message('slack', 'before'))?.senderName).toBeUndefined(); // the stored name went at opt-out

    await reopened.setOptOut('slack', 'U5', false);
    expect(await reopened.isOptedOut('slack', 'U5')).toBe(false);
    await reopened.add(rec('back', { senderId: 'U5', senderName: 'Wang', cats: ['like-quota'], text: 'Wang is back' }));
    expect(await reopened.message('slack', 'back')).toMatchObject({ senderId: 'U5', senderName: 'Wang', text: 'Wang is back' });
  });

  it('keeps anonymous leads, with no sender, in time order', async () => {
    const store = await tempStore();
    await store.addLead('slack', 'C1', 'second', 2000);
    await store.addLead('wechat', null, 'first', 1000);
    await store.addLead('slack', 'C1', 'too late', 5000);
    expect(await store.leads({ from: 0, to: 5000 })).toEqual([
      { platform: 'wechat', groupId: null, text: 'first', ts: 1000 },
      { platform: 'slack', groupId: 'C1', text: 'second', ts: 2000 },
    ]);
  });
});
