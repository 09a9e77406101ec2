import { describe, expect, it } from 'vitest';
import { describeEngines, engines, POSTGRES } from '../support/databases.js';
import { holdGroup } from '../support/held-group.js';
import { rawDb } from '../support/raw-db.js';
import { HiddenNameFinder } from '../../src/core/hidden-names.js';
import { finding, rec, tempStore } from './fixtures.js';

/** Every table's rows as JSON text: where a user's id, name or words would show if anything kept them. */
async function dump(path: string): Promise<string> {
  const db = await rawDb(path);
  const tables = await db.all<{ name: string }>(
    db.dialect.name === 'sqlite'
      ? "SELECT name FROM sqlite_schema WHERE type = 'table'"
      : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
  );
  const out: unknown[] = [];
  for (const { name } of tables) out.push(await db.all(`SELECT * FROM "${name}"`));
  await db.close();
  return JSON.stringify(out);
}

describeEngines('privacy', (engine) => {
  it('forgets a user: name, texts, matched words and memberships go, group aggregates stay', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.upsertGroup({ platform: 'slack', id: 'C1', memberCount: 4, memberIds: ['Uzhang', 'U2'] });
    await store.add(
      rec('m1', {
        senderId: 'Uzhang',
        senderName: 'Zhang San',
        cats: ['check-in'],
        recipients: 3,
        text: 'Zhang says clock in',
        findings: [finding('check-in', 'check-in/x', 'Zhang says clock')],
      }),
    );
    await store.add(rec('m2', { senderId: 'Uzhang', senderName: 'Zhang San', ts: 1_000_001 }));
    await store.add(rec('m3', { senderId: 'U2', cats: ['check-in'], recipients: 3 }));
    await store.markFalsePositive('slack', 'm1', 'other/rule', 'Uzhang');
    const before = await store.groupTotals({ from: 0, to: 2_000_000 });

    const { token } = await store.forgetUser('slack', 'Uzhang');
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

  it('stores nothing of a forgotten user sent before the erasure, when it comes again (a redelivery, a reaction), or only then (another instance held it)', async () => {
    const url = await engine.fresh();
    const store = await tempStore({}, url);
    const zhang = { senderId: 'Uzhang', senderName: 'Zhang San', cats: ['check-in'] as const, text: 'Zhang says clock in' };
    await store.add(rec('m1', { ...zhang, cats: [...zhang.cats] }));
    await store.add(rec('C1/1.5/Uzhang/+1', { senderId: 'Uzhang', senderName: 'Zhang San', isAck: true, hash: 'h-reaction' }));
    // Another instance holds a message of Zhang's, sent before the erasure, in a batch not yet written.
    const other = await tempStore({ maxDelayMs: 60_000, batchSize: 1_000 }, url);
    const m0 = other.add(rec('m0', { senderId: 'U2' }));
    await other.flush(); // it has read who was forgotten: nobody yet
    await m0;
    const held = other.add(rec('m9', { ...zhang, cats: [...zhang.cats], ts: 1_000_009 }));
    const before = await store.groupTotals({ from: 0, to: 2_000_000 });
    await store.forgetUser('slack', 'Uzhang');
    await store.add(rec('m1', { ...zhang, cats: [...zhang.cats] }));
    await store.add(rec('C1/1.5/Uzhang/+1', { senderId: 'Uzhang', senderName: 'Zhang San', isAck: true, hash: 'h-reaction' }));
    await other.flush();
    expect(await held).toBe(false);
    expect(await store.groupTotals({ from: 0, to: 2_000_000 })).toEqual(before);
    // What Zhang says after the erasure is stored as anyone's.
    await store.add(rec('m10', { senderId: 'Uzhang', senderName: 'Zhang San', ts: Date.now() + 60_000 }));
    expect((await store.message('slack', 'm10'))?.senderId).toBe('Uzhang');
    await store.forgetUser('slack', 'Uzhang');
    await Promise.all([store.close(), other.close()]);
    expect(await dump(url)).not.toMatch(/Uzhang|Zhang/);
  });

  it("keeps the ids of a forgotten or opted-out member's messages that only contain their id, so a re-fed line is known as stored", async () => {
    const path = await engine.fresh();
    const store = await tempStore({}, path);
    // The shell's line ids ("2-…", "12-…") hold the user "2" by chance, as a platform's ids may.
    const line = (id: string, senderId: string, ts = 1_000_000) =>
      rec(id, { platform: 'shell', groupId: 'g', senderId, ts, cats: ['check-in'], text: `今晚十点前打卡 ${id}` });
    await store.add(line('2-5vOe77RmkW9RfL1p', '2'));
    await store.add(line('12-Ab2Cd', '3'));
    await store.setOptOut('shell', '3', true);
    await store.add(line('13-3x3', '3'));
    const { token } = await store.forgetUser('shell', '2');
    expect(await store.message('shell', '2-5vOe77RmkW9RfL1p')).toMatchObject({ senderId: token, text: null });
    expect((await store.message('shell', '13-3x3'))?.senderId).toMatch(/^anon-/);
    // Fed the same input again, after the erasure: nothing is stored twice, nothing of "2" comes back.
    expect(await store.add(line('2-5vOe77RmkW9RfL1p', '2', Date.now()))).toBe(false);
    expect(await store.add(line('13-3x3', '3', Date.now()))).toBe(false);
    await store.close();
    const db = await rawDb(path);
    const rows = await db.all<{ id: string; sender_id: string; text: string | null }>('SELECT id, sender_id, text FROM messages ORDER BY id');
    expect(rows).toEqual([
      { id: '12-Ab2Cd', sender_id: '3', text: '今晚十点前打卡 12-Ab2Cd' },
      { id: '13-3x3', sender_id: expect.stringMatching(/^anon-/), text: null },
      { id: '2-5vOe77RmkW9RfL1p', sender_id: token, text: null },
    ]);
    await db.close();
  });

  it("keeps an opted-out member's anonymous id through later privacy changes once their erasure is read, and their own correction under it", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.setOptOut('slack', 'U8', true);
    await store.forgetUser('slack', 'U8');
    const later = Date.now() + 60_000;
    await store.add(rec('b2', { senderId: 'U8', ts: later, cats: ['check-in'] }));
    await store.setOptOut('slack', 'U9', true); // someone else's privacy change
    await store.add(rec('b3', { senderId: 'U8', ts: later + 1 }));
    const [b2, b3] = [await store.message('slack', 'b2'), await store.message('slack', 'b3')];
    expect(b2?.senderId).toMatch(/^anon-/);
    expect(b3?.senderId).toBe(b2?.senderId);
    await store.markFalsePositive('slack', 'b2', null, 'U8');
    expect(await store.feedbackCounts({ from: 0, to: later + 10 })).toMatchObject({ corrected: 1, correctedBySender: 1 });
  });

  it('keeps no id of a member who opted out just before correcting, with no message written between', async () => {
    const url = await engine.fresh();
    const store = await tempStore({}, url);
    await store.add(rec('d1', { senderId: 'Uboss', cats: ['check-in'] }));
    await store.flush();
    await store.setOptOut('slack', 'U7', true);
    await store.markFalsePositive('slack', 'd1', null, 'U7');
    await store.close();
    expect(await dump(url)).not.toMatch(/U7/);
  });

  it("stores an opted-out user's messages anonymously, also after reopening, until they opt back in", async () => {
    const path = await engine.fresh();
    const store = await tempStore({}, path);
    await store.add(rec('before', { senderId: 'U5', senderName: 'Wang' }));
    await store.setOptOut('slack', 'U5', true);
    expect(await store.isOptedOut('slack', 'U5')).toBe(true);
    expect(await store.isOptedOut('slack', 'U6')).toBe(false);
    await store.add(rec('during', { senderId: 'U5', senderName: 'Wang', cats: ['like-quota'], recipients: 7, text: 'Wang: like this' }));
    await store.add(rec('again', { senderId: 'U5', senderName: 'Wang' }));
    // A Slack reaction's id names the reactor.
    await store.add(rec('C1/1700000000.000100/U5/+1', { senderId: 'U5', hash: 'h-reaction' }));
    const during = await store.message('slack', 'during');
    expect(during?.senderId).toMatch(/^anon-[0-9a-f]{12}$/);
    expect((await store.message('slack', 'again'))?.senderId).toBe(during?.senderId);
    expect(await store.message('slack', 'C1/1700000000.000100/U5/+1')).toBeUndefined();
    expect((await store.message('slack', `C1/1700000000.000100/${during?.senderId}/+1`))?.senderId).toBe(during?.senderId);
    await store.close();

    // On disk the opt-out is a salted hash: nothing but the message sent before it names U5.
    const db = await rawDb(path);
    expect(await db.all('SELECT platform, id_hash FROM opt_outs')).toEqual([{ platform: 'slack', id_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(await db.all("SELECT id FROM messages WHERE sender_id = 'U5' OR id LIKE '%U5%'")).toEqual([{ id: 'before' }]);
    await db.run("DELETE FROM messages WHERE id = 'before'");
    await db.close();
    expect(await dump(path)).not.toMatch(/U5|Wang/);

    // The anonymous id lived in the process: after reopening, the same person's messages get another.
    const reopened = await tempStore({}, path);
    expect(await reopened.isOptedOut('slack', 'U5')).toBe(true);
    await reopened.add(rec('later', { senderId: 'U5', senderName: 'Wang', cats: ['like-quota'], text: 'Wang again' }));
    const later = await reopened.message('slack', 'later');
    expect(later?.senderId).toMatch(/^anon-/);
    expect(later?.senderId).not.toBe(during?.senderId);
    for (const r of [during, later]) {
      expect(r).toMatchObject({ text: null, categories: ['like-quota'] });
      expect(r?.senderName).toBeUndefined();
      expect(r?.findings.every((f) => f.match === '')).toBe(true);
    }
    // 'later' has no recipients of its own in a group of unknown size: it counts one reader.
    expect((await reopened.categoryTotals({ from: 0, to: 2_000_000 }))['like-quota']).toEqual({ count: 2, recipients: 8 });

    await reopened.setOptOut('slack', 'U5', false);
    expect(await reopened.isOptedOut('slack', 'U5')).toBe(false);
    await reopened.add(rec('back', { senderId: 'U5', senderName: 'Wang', cats: ['like-quota'], text: 'Wang is back' }));
    expect(await reopened.message('slack', 'back')).toMatchObject({ senderId: 'U5', senderName: 'Wang', text: 'Wang is back' });
  });

  it('drops the name at opt-out and keeps the opt-out after forget me, under a new anonymous id', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('named', { senderId: 'U5', senderName: 'Wang' }));
    await store.setOptOut('slack', 'U5', true);
    expect((await store.message('slack', 'named'))?.senderName).toBeUndefined();
    await store.add(rec('out1', { senderId: 'U5' }));
    await store.forgetUser('slack', 'U5');
    expect(await store.isOptedOut('slack', 'U5')).toBe(true);
    await store.add(rec('out2', { senderId: 'U5' }));
    const [out1, out2] = [await store.message('slack', 'out1'), await store.message('slack', 'out2')];
    expect(out2?.senderId).toMatch(/^anon-/);
    expect(out2?.senderId).not.toBe(out1?.senderId);
  });

  it("keeps the name and id of whoever opts out or is forgotten only as hashes that still find them in others' words", async () => {
    const path = await engine.fresh();
    const store = await tempStore({}, path);
    await store.add(rec('w', { senderId: 'U5', senderName: '王小明' }));
    await store.add(rec('c', { senderId: 'U6', senderName: 'Chen' }));
    await store.add(rec('j', { senderId: 'U7', senderName: '静' }));
    await store.setOptOut('slack', 'U5', true);
    await store.forgetUser('slack', 'U6');
    await store.setOptOut('slack', 'U7', true);
    await store.close();
    const reopened = await tempStore({}, path);
    const finder = new HiddenNameFinder(await reopened.hiddenNames());
    // A name of one character only where mentioned (@静), as the digest hides a member's.
    expect(finder.replace('王小明和 chen 没交，<@U6> 也没交，@静 也是，王小红交了，安静', () => '某人')).toBe(
      '某人和 某人 没交，<@某人> 也没交，@某人 也是，王小红交了，安静',
    );
    await reopened.close();
    expect(await dump(path)).not.toMatch(/王小明|Chen/);
  });

  it('hides the name of whoever opted out whichever script, simplified or traditional, it or the text is written in', async () => {
    const path = await engine.fresh();
    const store = await tempStore({}, path);
    await store.add(rec('s', { senderId: 'U5', senderName: '王书记' }));
    await store.add(rec('t', { senderId: 'U6', senderName: '張三' }));
    await store.setOptOut('slack', 'U5', true);
    await store.setOptOut('slack', 'U6', true);
    await store.close();
    const reopened = await tempStore({}, path);
    const finder = new HiddenNameFinder(await reopened.hiddenNames());
    expect(finder.replace('反映：王書記每天讓张三和張三晚上打卡，王书记也是', () => '某人')).toBe('反映：某人每天讓某人和某人晚上打卡，某人也是');
    await reopened.close();
  });

  it('forget me hides the very name it takes off supervisor lists (WeChat admins name supervisors by name)', async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('w', { platform: 'wechaty', senderId: 'wxu-li', senderName: '李主任' }));
    await store.updateGroupSettings('wechaty', 'R1', (s) => ({ ...s, supervisors: ['李主任', '王科长'] }));
    expect((await store.forgetUser('wechaty', 'wxu-li')).supervisedGroups).toEqual(['R1']);
    expect((await store.groupSettings('wechaty', 'R1')).supervisors).toEqual(['王科长']);
    const finder = new HiddenNameFinder(await store.hiddenNames());
    expect(finder.replace('李主任和王科长都要截图', () => '某人')).toBe('某人和王科长都要截图');
    await store.close();
  });

  it("writes no roster's id of a member who opted out or was forgotten back into a member list, and counts them still", async () => {
    const store = await tempStore({}, await engine.fresh());
    await store.add(rec('m1', { senderId: 'U1', senderName: 'Zhang' }));
    await store.forgetUser('slack', 'U1');
    await store.setOptOut('slack', 'U3', true);
    await store.upsertGroup({ platform: 'slack', id: 'C9', memberIds: ['U1', 'U2', 'U3'] });
    expect(await store.group('slack', 'C9')).toMatchObject({ memberIds: ['U2'], members: 3 });
    await store.setOptOut('slack', 'U3', false);
    await store.upsertGroup({ platform: 'slack', id: 'C9', memberIds: ['U1', 'U2', 'U3', 'U4'] });
    expect(await store.group('slack', 'C9')).toMatchObject({ memberIds: ['U2', 'U3', 'U4'], members: 4 });
    await store.close();
  });

  it('keeps an opted-out member only as a hash in member lists, rosters written meanwhile too, and counts them again at optin', async () => {
    const path = await engine.fresh();
    const first = await tempStore({}, path);
    await first.upsertGroup({ platform: 'slack', id: 'C1', memberIds: ['U1', 'U3'] });
    await first.upsertGroup({ platform: 'slack', id: 'old', memberIds: ['U1', 'U3'] });
    await first.add(rec('d1', { senderId: 'U1', cats: ['check-in'] }));
    await first.setOptOut('slack', 'U3', true);
    await first.setOptOut('slack', 'U4', true);
    await first.close();
    expect(await dump(path)).not.toMatch(/U3|U4/);

    // Started again, the bot writes every roster anew, U3 and U4 still listed; U4 joins a group while out.
    const second = await tempStore({}, path);
    await second.upsertGroup({ platform: 'slack', id: 'C1', memberIds: ['U1', 'U3'] });
    await second.upsertGroup({ platform: 'slack', id: 'C2', memberIds: ['U1', 'U4'] });
    await second.upsertGroup({ platform: 'slack', id: 'old', memberIds: ['U1', 'U3'] });
    await second.mergeGroup('slack', 'old', 'new'); // WeChat's group ids change at re-login
    await second.add(rec('d2', { senderId: 'U1', groupId: 'C2', cats: ['check-in'] }));
    expect(await second.group('slack', 'C1')).toMatchObject({ memberIds: ['U1'], members: 2 });
    expect(await dump(path)).not.toMatch(/U3|U4/);

    await second.setOptOut('slack', 'U3', false);
    await second.setOptOut('slack', 'U4', false);
    expect(await second.memberView('slack', 'U3', { from: 0, to: 2_000_000 })).toMatchObject({ groups: 2, demands: 1 });
    expect(await second.memberView('slack', 'U4', { from: 0, to: 2_000_000 })).toMatchObject({ groups: 1, demands: 1 });
    expect((await second.group('slack', 'new'))?.memberIds).toEqual(['U1', 'U3']);

    // A roster that no longer lists them while out, or `forget me`, and optin puts back nothing.
    await second.setOptOut('slack', 'U3', true);
    await second.setOptOut('slack', 'U4', true);
    await second.upsertGroup({ platform: 'slack', id: 'C1', memberIds: ['U1'] });
    await second.forgetUser('slack', 'U4');
    await second.setOptOut('slack', 'U3', false);
    await second.setOptOut('slack', 'U4', false);
    expect((await second.group('slack', 'C1'))?.memberIds).toEqual(['U1']);
    expect((await second.group('slack', 'C2'))?.memberIds).toEqual(['U1']);
    expect((await second.group('slack', 'new'))?.memberIds).toEqual(['U1', 'U3']);
  });

  it('adds a speaker to a group the platform lists no one of, sizing it not; one opted out only by hash until optin, one forgotten not at all', async () => {
    const path = await engine.fresh();
    const store = await tempStore({}, path);
    await store.add(rec('m1', { senderId: 'U1', senderName: 'Zhang' }));
    await store.forgetUser('slack', 'U1');
    await store.setOptOut('slack', 'U3', true);
    for (const speakerId of ['U2', 'U1', 'U3', 'U2']) await store.upsertGroup({ platform: 'slack', id: 'D1', speakerId });
    expect(await store.group('slack', 'D1')).toMatchObject({ memberIds: ['U2'], members: 0 });
    expect(await dump(path)).not.toMatch(/U1|U3/);
    await store.setOptOut('slack', 'U3', false);
    expect((await store.group('slack', 'D1'))?.memberIds).toEqual(['U2', 'U3']);
  });

  it('keeps anonymous leads, with no sender, in time order, each at its quarter hour', async () => {
    const store = await tempStore({}, await engine.fresh());
    const q = 15 * 60_000;
    await store.addLead('slack', 'C1', 'second', 2 * q + 61_000);
    await store.addLead('wechat', null, 'first', q + 7);
    await store.addLead('slack', 'C1', 'too late', 5 * q);
    expect(await store.leads({ from: 0, to: 5 * q })).toEqual([
      { platform: 'wechat', groupId: null, text: 'first', ts: q },
      { platform: 'slack', groupId: 'C1', text: 'second', ts: 2 * q },
    ]);
  });
});

// SQLite's write lock keeps any other writer out of an erasure's transaction; PostgreSQL's rows are locked one by one.
describe.runIf(engines().includes(POSTGRES))('privacy on instances sharing a PostgreSQL database', () => {
  it("forget me takes a supervisor off a group's list without undoing a settings change another instance commits meanwhile", async () => {
    const db = await POSTGRES.fresh();
    const store = await tempStore({}, db);
    await store.updateGroupSettings('slack', 'C1', (s) => ({ ...s, supervisors: ['Uzhang', 'U2'] }));
    const other = await holdGroup(db, 'slack', 'C1');
    await other.setSettings({ mode: 'nudge', disabledRules: [], supervisors: ['Uzhang', 'U2'] });
    const forgetting = store.forgetUser('slack', 'Uzhang');
    await other.waiters(1);
    await other.commit();
    expect((await forgetting).supervisedGroups).toEqual(['C1']);
    expect(await store.groupSettings('slack', 'C1')).toEqual({ mode: 'nudge', disabledRules: [], supervisors: ['U2'] });
  });

  it("forget me finishes though it takes past the event path's 20 s deadline, as erasing millions of messages does", async () => {
    const db = await POSTGRES.fresh();
    const store = await tempStore({}, db);
    await store.add(rec('m1', { senderId: 'Ubig', cats: ['check-in'] }));
    await store.flush();
    // Rewriting the member's messages takes 21 s, as 2,000,000 of them would.
    const raw = await rawDb(db);
    await raw.exec(`CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(21); RETURN NEW; END $$;
      CREATE TRIGGER slow BEFORE UPDATE ON messages FOR EACH ROW EXECUTE FUNCTION slow();`);
    await raw.close();
    await store.forgetUser('slack', 'Ubig');
    expect((await store.message('slack', 'm1'))?.senderId).toMatch(/^anon-/);
  }, 60_000);
});
