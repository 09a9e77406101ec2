import { commandKey, leadMarks } from '../../src/core/command-key.js';
import { describe, expect, it } from 'vitest';
import { describeEngines, engines, POSTGRES } from '../support/databases.js';
import { rawDb } from '../support/raw-db.js';
import { holdGroup } from '../support/held-group.js';
import { waitFor } from '../support/wait-for.js';
import { Bot } from '../../src/bot/bot.js';
import { botHarness, NOW, rulesOnly } from '../support/bot-harness.js';
import { defaultEngine } from '../../src/engine/index.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import type { Store } from '../../src/store/store.js';
import { storedRecords as stored } from '../support/stored-records.js';
import { storedReport } from '../../src/analysis/report/from-store.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { TEXTS } from '../../src/commands/texts.js';
import { DAY_MS as DAY, HOUR_MS as HOUR } from '../../src/core/time/units.js';

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';

/** u1's demand stored, then an erasure that fails after 200 ms (a full disk); returns what puts the real one back. */
async function erasureFailingSlowly(store: Store, adapter: RecordingAdapter): Promise<() => void> {
  await adapter.say(DEMAND, { id: 'mine', from: 'u1' });
  await store.flush();
  const forgetUser = store.forgetUser.bind(store);
  store.forgetUser = () => new Promise((_, reject) => setTimeout(() => reject(new Error('SQLITE_FULL: database or disk is full')), 200));
  return () => {
    store.forgetUser = forgetUser;
  };
}

describe('Bot pipeline', () => {
  it('stores a flagged demand with its text, recipients and findings, and stays quiet in the group', async () => {
    const { store, adapter } = await botHarness();
    await adapter.say(DEMAND);
    await adapter.say('Pizza in the kitchen');
    const [demand, chatter] = await stored(store);
    expect(demand.categories).toContain('check-in');
    expect(demand.text).toBe(DEMAND);
    expect(demand.recipients).toBe(10);
    expect(demand.groupId).toBe('g1');
    expect(chatter.categories).toEqual([]);
    expect(chatter.text).toBeNull();
    expect(adapter.sent).toEqual([]);
    expect(adapter.flags.map((f) => f.id)).toEqual(['m1']);
  });

  it("stores a group's new members when one leaves as another joins, though their number stays", async () => {
    const { store, adapter } = await botHarness();
    await adapter.say('早上好', { group: { id: 'g1', name: 'ops', memberCount: 3, members: ['u1', 'u2', 'admin'] } });
    await adapter.say('早上好', { group: { id: 'g1', name: 'ops', memberCount: 3, members: ['u1', 'u3', 'admin'] } });
    expect((await store.group('test', 'g1'))?.memberIds.sort()).toEqual(['admin', 'u1', 'u3']);
  });

  it('counts a redelivered message once', async () => {
    const { store, adapter } = await botHarness();
    await adapter.say(DEMAND, { id: 'same' });
    await adapter.say(DEMAND, { id: 'same' });
    await store.flush();
    expect(await stored(store)).toHaveLength(1);
  });

  it('runs a command again on redelivery when it failed the first time (the platform was not told it was handled)', async () => {
    const { store, adapter } = await botHarness();
    await adapter.say(DEMAND, { id: 'mine', from: 'u1' });
    await store.flush();
    const forgetUser = store.forgetUser.bind(store);
    store.forgetUser = () => Promise.reject(new Error('SQLITE_FULL: database or disk is full'));
    await expect(adapter.say('forget me', { id: 'c1', addressed: true })).rejects.toThrow('SQLITE_FULL');
    store.forgetUser = forgetUser;
    await adapter.say('forget me', { id: 'c1', addressed: true });
    expect((await store.message('test', 'mine'))?.senderId).not.toBe('u1');
    expect(adapter.sent.filter((s) => s.to === 'private')).toHaveLength(1);
  });

  it('a redelivery that comes while the first delivery still runs shares its outcome, so a failure is still retried', async () => {
    const { store, adapter } = await botHarness();
    const restore = await erasureFailingSlowly(store, adapter);
    const first = adapter.say('forget me', { id: 'c1', addressed: true });
    await new Promise((r) => setTimeout(r, 50));
    const retry = adapter.say('forget me', { id: 'c1', addressed: true });
    await expect(first).rejects.toThrow('SQLITE_FULL');
    await expect(retry).rejects.toThrow('SQLITE_FULL'); // the platform is not told it was handled
    restore();
    await adapter.say('forget me', { id: 'c1', addressed: true });
    expect((await store.message('test', 'mine'))?.senderId).not.toBe('u1');
  });

  it('another instance waits for a run of the same command: a failed run it takes over, a finished one it acknowledges', async () => {
    const { store, adapter, config } = await botHarness();
    // A second instance: its own bot and platform connection, the same store (as instances share PostgreSQL).
    const other = new RecordingAdapter();
    await new Bot({ config, store, engine: rulesOnly(), adapters: [other], now: () => NOW, log: () => {} }).start();
    const restore = await erasureFailingSlowly(store, adapter);
    const first = adapter.say('forget me', { id: 'c1', addressed: true });
    await new Promise((r) => setTimeout(r, 50));
    const meanwhile = other.say('forget me', { id: 'c1', addressed: true });
    await expect(first).rejects.toThrow('SQLITE_FULL');
    await expect(meanwhile).rejects.toThrow('SQLITE_FULL'); // it took the command over when the first let go, and failed too
    restore();
    await other.say('forget me', { id: 'c1', addressed: true });
    expect((await store.message('test', 'mine'))?.senderId).not.toBe('u1');
    await adapter.say('forget me', { id: 'c1', addressed: true }); // done: taken as handled, not run again
    expect([...adapter.sent, ...other.sent].filter((s) => s.to === 'private')).toHaveLength(1);
  });

  it('another instance fails a delivery while a run of the same command goes on past its wait, never telling the platform it was handled', async () => {
    const { store, adapter, config } = await botHarness();
    const other = new RecordingAdapter();
    await new Bot({ config, store, engine: rulesOnly(), adapters: [other], now: () => NOW, log: () => {} }).start();
    let finish!: () => void;
    const addLead = store.addLead.bind(store);
    store.addLead = (...args) => new Promise<void>((resolve) => (finish = resolve)).then(() => addLead(...args));
    const first = adapter.say('report 每天要在三个群里重复报体温', { id: 'c1', addressed: true });
    await new Promise((r) => setTimeout(r, 50));
    await expect(other.say('report 每天要在三个群里重复报体温', { id: 'c1', addressed: true })).rejects.toThrow('has not finished');
    finish();
    await first;
    await other.say('report 每天要在三个群里重复报体温', { id: 'c1', addressed: true });
    expect(await store.leads({ from: 0, to: Date.UTC(2030, 0, 1) })).toHaveLength(1);
  });

  it('does not file a lead twice when the process died after storing it, before it marked the command done', async () => {
    const { store, config } = await botHarness();
    const adapter = new RecordingAdapter();
    // The process dies right after the lead's commit: its own mark that the command finished is never written.
    const dying = Object.assign(Object.create(store) as typeof store, {
      markSeen: (platform: string, key: string, ts?: number) =>
        key.endsWith(':done') ? Promise.reject(new Error('killed')) : store.markSeen(platform, key, ts),
    });
    await new Bot({ config, store: dying, engine: rulesOnly(), adapters: [adapter], log: () => {} }).start();
    await expect(adapter.say('report 每天要在三个群里重复报体温', { id: 'c1', addressed: true })).rejects.toThrow('killed');
    // Restarted, the same input again (a piped rerun, a platform's redelivery): done at once, not after the lease.
    const again = new RecordingAdapter();
    await new Bot({ config, store, engine: rulesOnly(), adapters: [again], log: () => {} }).start();
    await again.say('report 每天要在三个群里重复报体温', { id: 'c1', addressed: true });
    expect(await store.leads({ from: 0, to: Date.UTC(2030, 0, 1) })).toHaveLength(1);
  });

  it('does not clear a second message when the process died after a `not formalism` committed, before it marked the command done', async () => {
    const { store, config } = await botHarness();
    const adapter = new RecordingAdapter();
    adapter.noReplies = true;
    const dying = Object.assign(Object.create(store) as typeof store, {
      markSeen: (platform: string, key: string, ts?: number) =>
        key.endsWith(':done') ? Promise.reject(new Error('killed')) : store.markSeen(platform, key, ts),
    });
    await new Bot({ config, store: dying, engine: rulesOnly(), adapters: [adapter], now: () => NOW, log: () => {} }).start();
    await adapter.say('统计表今天下班前必须全部填好交上来', { id: 'd0' });
    await adapter.say(DEMAND, { id: 'd1' });
    await store.flush();
    await expect(adapter.say('not formalism', { id: 'c1', addressed: true, follows: 'd1' })).rejects.toThrow('killed');
    // Restarted past the lease, the same command again: run again, it would find d0 the latest flagged and clear it too.
    const again = new RecordingAdapter();
    again.noReplies = true;
    await new Bot({ config, store, engine: rulesOnly(), adapters: [again], now: () => NOW + 3 * 60_000, log: () => {} }).start();
    await again.say('not formalism', { id: 'c1', addressed: true, follows: 'd1' });
    expect((await store.falsePositives()).map((f) => f.messageId)).toEqual(['d1']);
    expect((await store.message('test', 'd0'))?.categories.length).toBeGreaterThan(0);
  });

  it('takes over a command whose run died unfinished (its process or database lost mid-run) once the lease is past', async () => {
    const { store, config } = await botHarness();
    let now = NOW;
    const adapter = new RecordingAdapter();
    await new Bot({ config, store, engine: rulesOnly(), adapters: [adapter], now: () => now, log: () => {} }).start();
    await adapter.say(DEMAND, { id: 'mine', from: 'u1' });
    // A run that died after marking the command begun: the mark stays, nothing says it finished.
    await store.markSeen('test', commandKey('c1'), now);
    await store.flush();
    await expect(adapter.say('forget me', { id: 'c1', addressed: true })).rejects.toThrow('has not finished');
    expect((await store.message('test', 'mine'))?.senderId).toBe('u1');
    now += 3 * 60_000;
    await adapter.say('forget me', { id: 'c1', addressed: true });
    expect((await store.message('test', 'mine'))?.senderId).not.toBe('u1');
    await adapter.say('forget me', { id: 'c1', addressed: true }); // now done: not run again
    expect(adapter.sent.filter((s) => s.to === 'private')).toHaveLength(1);
  });

  it('a run that fails after another took it over removes only its own mark: the taker keeps the command', async () => {
    const { store, config } = await botHarness();
    let now = NOW;
    const bots = [new RecordingAdapter(), new RecordingAdapter(), new RecordingAdapter()];
    for (const a of bots) await new Bot({ config, store, engine: rulesOnly(), adapters: [a], now: () => now, log: () => {} }).start();
    const [a, b, c] = bots;
    // Each run hangs in addLead until failed; waiting for the call, not a fixed time, holds on a busy machine.
    const hanging: ((err: Error) => void)[] = [];
    let called!: () => void;
    store.addLead = () => new Promise((_, reject) => (hanging.push(reject), called()));
    const reached = () => new Promise<void>((r) => (called = r));
    let running = reached();
    const first = a.say('report 每天要在三个群里重复报体温', { id: 'c1', addressed: true });
    await running;
    now += 3 * 60_000; // a is taken for dead: b takes the command over, and its run hangs too
    running = reached();
    const taken = b.say('report 每天要在三个群里重复报体温', { id: 'c1', addressed: true });
    await running;
    const fail = (err: Error) => hanging.shift()!(err);
    fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await expect(c.say('report 每天要在三个群里重复报体温', { id: 'c1', addressed: true })).rejects.toThrow('has not finished');
    fail(new Error('connection lost'));
    await expect(taken).rejects.toThrow('connection lost');
  });

  it('does not run a correction sent before its sender said forget me, which would store their id again', async () => {
    const { store, adapter } = await botHarness();
    await adapter.say(DEMAND, { id: 'd1', from: 'boss' });
    await store.flush();
    // The correction's delivery failed, and its redelivery comes after the erasure ran.
    await store.forgetUser('test', 'u1');
    await adapter.say('not formalism', { id: 'c1', addressed: true, from: 'u1', replyTo: 'd1' });
    expect(await store.falsePositives()).toEqual([]);
    expect((await store.message('test', 'd1'))?.categories.length).toBeGreaterThan(0);
    expect(adapter.sent).toEqual([]);
  });

  it('a command whose work is done is not run again when only its answer failed (no second lead)', async () => {
    const { store, adapter } = await botHarness();
    const sendPrivate = adapter.sendPrivate.bind(adapter);
    adapter.sendPrivate = () => Promise.reject(new Error('platform down'));
    await adapter.say('反映 主任要求每天在三个群里重复报体温', { id: 'c1', addressed: true });
    adapter.sendPrivate = sendPrivate;
    await adapter.say('反映 主任要求每天在三个群里重复报体温', { id: 'c1', addressed: true });
    expect(await store.leads({ from: 0, to: Date.UTC(2030, 0, 1) })).toHaveLength(1);
  });

  it('asks again on redelivery when only an answer was lost, since answering is all stats or help does', async () => {
    const { adapter } = await botHarness();
    const sendPrivate = adapter.sendPrivate.bind(adapter);
    adapter.sendPrivate = () => Promise.reject(new Error('ETIMEDOUT'));
    await expect(adapter.say('help', { id: 'c1', addressed: true })).rejects.toThrow('ETIMEDOUT');
    adapter.sendPrivate = sendPrivate;
    await adapter.say('help', { id: 'c1', addressed: true });
    expect(adapter.sent.filter((s) => s.to === 'private')).toHaveLength(1);
  });

  it('answers a redelivered command once; a DM that is no command gets a pointer to help', async () => {
    const { adapter } = await botHarness();
    await adapter.say('stats', { id: 'c1', addressed: true });
    await adapter.say('stats', { id: 'c1', addressed: true });
    expect(adapter.sent.filter((s) => s.to === 'private')).toHaveLength(1);
    await adapter.say('dance', { group: null });
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'u1' });
    expect(adapter.last()!.text).toContain('Unknown command "dance"');
  });

  it('answers text with no language of its own (a bare slash command, 👍) in the one its group chose, else in Chinese', async () => {
    const { store, adapter } = await botHarness();
    await store.updateGroupSettings('test', 'g1', (s) => ({ ...s, language: 'en' }));
    await adapter.say('', { toBotOnly: true, addressed: true });
    await adapter.say('👍', { toBotOnly: true, addressed: true });
    // Text with letters is answered in its own; a DM has no group that chose.
    await adapter.say('你好', { toBotOnly: true, addressed: true });
    await adapter.say('1', { group: null });
    expect(adapter.sent.map((s) => s.text)).toEqual([TEXTS.help('en'), TEXTS.unknown('👍', 'en'), TEXTS.unknown('你好', 'zh'), TEXTS.unknown('1', 'zh')]);
  });

  it('tells a member who addresses the bot with almost a command what it understands, privately, once per 10 minutes', async () => {
    const { store, config } = await botHarness();
    const adapter = new RecordingAdapter();
    let now = NOW;
    await new Bot({ config, store, engine: rulesOnly(), adapters: [adapter], now: () => now, log: () => {} }).start();
    await adapter.say('@fingertip 统计 本周', { addressed: true });
    await adapter.say('@fingertip stat', { addressed: true, from: 'u2' });
    expect(adapter.sent).toEqual([
      { to: 'private', id: 'u1', groupId: 'g1', text: '你是想发“统计”或“统计 本群”吗？发送“帮助”查看我能做的事。' },
      { to: 'private', id: 'u2', groupId: 'g1', text: 'Did you mean "stats" or "stats group"? Send "help" for what I can do.' },
    ]);
    // Mentioned again within the cooldown, or not addressed, or addressed with chat: nothing more.
    await adapter.say('@fingertip 我的负担吧', { addressed: true });
    await adapter.say('统计 本周', { from: 'u3' });
    await adapter.say('@fingertip 收到', { addressed: true, from: 'u4' });
    // A short demand, as DingTalk delivers every one: 周报 is no mistyped 误报, forget it no forget me.
    await adapter.say('@fingertip 周报 今晚交', { addressed: true, from: 'u5' });
    await adapter.say('@fingertip forget it', { addressed: true, from: 'u6' });
    expect(adapter.sent).toHaveLength(2);
    now += 10 * 60_000;
    await adapter.say('@fingertip 我的负担吧', { addressed: true });
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'u1', text: expect.stringContaining('“统计”') });
    // Still group traffic: stored as any message.
    await store.flush();
    expect(await stored(store)).toHaveLength(8);
    await adapter.say('stat', { group: null });
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'u1', text: expect.stringContaining('Did you mean "stats"') });
  });

  it('counts a demand that @-mentions the bot (as every DingTalk message does) and does not answer it', async () => {
    const { store, adapter } = await botHarness();
    await adapter.say(`@fingertip ${DEMAND}`, { addressed: true, group: { id: 'g1', name: 'ops', memberCount: 11, coverage: 'mentions-only' } });
    expect((await stored(store))[0].categories).toContain('check-in');
    expect(adapter.sent).toEqual([]);
    expect((await store.groupSettings('test', 'g1')).coverage).toBe('mentions-only');
    await adapter.say('stats group', { addressed: true });
    expect(adapter.last()!.text).toMatch(
      /1 possible formalism demand.*\(Here the bot only receives messages that @-mention it, so these figures are incomplete/,
    );
  });

  it('in nudge mode replies once, politely, naming the kind of demand and the policy but no rule id, then keeps a cooldown', async () => {
    const { adapter } = await botHarness();
    adapter.admins.add('boss');
    await adapter.say('config mode nudge', { from: 'boss', addressed: true });
    expect(adapter.last()!.text).toMatch(/^Saved: mode nudge/);
    await adapter.say(DEMAND);
    const nudges = adapter.sent.filter((s) => s.to === 'group');
    expect(nudges).toHaveLength(1);
    expect(nudges[0].text).toMatch(/^提示：这条消息可能属于“(打卡签到|截图留痕)”类要求。\S*《[^》]+》（20\d\d年）\S*如判断有误，引用这条消息回复“误报”即可。$/);
    expect(nudges[0].text).not.toMatch(/check-in|proof-demand/);
    await adapter.say(DEMAND + '！');
    expect(adapter.sent.filter((s) => s.to === 'group')).toHaveLength(1);
  });

  it('answers privately, and neither stores nor nudges about, what only the bot sees (a slash command) that is no command', async () => {
    const { adapter, store } = await botHarness();
    adapter.admins.add('boss');
    await adapter.say('config mode nudge', { from: 'boss', addressed: true });
    await adapter.say(DEMAND, { id: 'typed', addressed: true, toBotOnly: true });
    await adapter.say('stats foo', { id: 'asked', addressed: true, toBotOnly: true });
    expect(adapter.sent.filter((s) => s.to === 'group')).toEqual([]);
    expect(adapter.sent.slice(-2).map((s) => [s.to, s.groupId, s.text.split('。')[0].slice(0, 6)])).toEqual([
      ['private', 'g1', '不认识的命令'],
      ['private', 'g1', expect.any(String)],
    ]);
    await store.flush();
    expect(await stored(store)).toEqual([]);
  });

  it('in nudge mode nudges the first of two demands that come together, however long the first takes to store its group', async () => {
    const { adapter } = await botHarness();
    adapter.admins.add('boss');
    await adapter.say('config mode nudge', { from: 'boss', addressed: true });
    // Both bring a new member count: the first stores the group, which the second finds already known.
    const group = { id: 'g1', name: 'ops', memberCount: 30 };
    await Promise.all([adapter.say(DEMAND, { id: 'first', group }), adapter.say(`${DEMAND}！`, { id: 'second', group })]);
    expect(adapter.sent.filter((s) => s.to === 'group').map((s) => s.replyTo)).toEqual(['first']);
  });

  it('in nudge mode nudges only for high-level rules: a medium-only demand is stored and counted, not nudged', async () => {
    const { store, adapter } = await botHarness((c) => (c.admins.test = ['boss']));
    await adapter.say('config mode nudge', { from: 'boss', addressed: true });
    // Only check-in/zh-daily-health (level medium) finds this one.
    await adapter.say('请各位家长每天上报孩子体温');
    expect((await stored(store))[0].findings.map((f) => f.rule)).toEqual(['check-in/zh-daily-health']);
    expect(adapter.sent.filter((s) => s.to === 'group')).toEqual([]);
    await adapter.say('stats group', { addressed: true });
    expect(adapter.last()!.text).toMatch(/1 possible formalism demand/);
    // The quiet medium hit used no cooldown: the next high one is nudged.
    await adapter.say(DEMAND);
    const nudges = adapter.sent.filter((s) => s.to === 'group' && /^提示：/.test(s.text));
    expect(nudges).toHaveLength(1);
  });

  it('skips the rules an admin disabled for the group', async () => {
    const { store, adapter } = await botHarness((c) => (c.admins.test = ['boss']));
    await adapter.say(DEMAND);
    const rules = (await stored(store))[0].findings.map((f) => f.rule);
    for (const rule of rules) await adapter.say(`config disable ${rule}`, { from: 'boss', addressed: true });
    await adapter.say(DEMAND + '。');
    expect((await stored(store))[1].categories).toEqual([]);
  });

  it('instances sharing a store: an admin setting reaches the others within 30 s, and a group is nudged once per cooldown by all of them', async () => {
    const { store, adapter, config } = await botHarness((c) => (c.admins.test = ['boss']));
    let now = NOW;
    const other = new RecordingAdapter();
    await new Bot({ config, store, engine: defaultEngine(), adapters: [other], now: () => now, log: () => {} }).start();
    await other.say(DEMAND, { id: 'd1' }); // the other instance has read the group's settings
    const rules = (await stored(store))[0].findings.map((f) => f.rule);
    for (const rule of rules) await adapter.say(`config disable ${rule}`, { from: 'boss', addressed: true });
    await adapter.say('config mode nudge', { from: 'boss', addressed: true });
    now += 31_000;
    await other.say(DEMAND + '。', { id: 'd2' });
    expect((await store.message('test', 'd2'))?.findings.map((f) => f.rule).filter((r) => rules.includes(r))).toEqual([]);
    for (const rule of rules) await adapter.say(`config enable ${rule}`, { from: 'boss', addressed: true });
    now += 31_000;
    await Promise.all([adapter.say(DEMAND, { id: 'd3' }), other.say(DEMAND, { id: 'd4' })]);
    expect([...adapter.sent, ...other.sent].filter((s) => s.to === 'group')).toHaveLength(1);
  });

  it('does not classify images and other non-text kinds', async () => {
    const { store, adapter } = await botHarness();
    await adapter.say('[image]', { kind: 'image' });
    expect((await stored(store))[0].categories).toEqual([]);
  });
});

describe.runIf(engines().includes(POSTGRES))('Bot on instances sharing a PostgreSQL database', () => {
  it("stores a group's coverage without undoing a settings change another instance commits meanwhile", async () => {
    const db = await POSTGRES.fresh();
    const { store, adapter } = await botHarness((c) => (c.db = db));
    await adapter.say('早上好');
    // Once the group's new details are stored, another instance changes its settings, committed later.
    let other: Awaited<ReturnType<typeof holdGroup>> | undefined;
    const upsertGroup = store.upsertGroup.bind(store);
    store.upsertGroup = async (g) => {
      await upsertGroup(g);
      const held = await holdGroup(db, 'test', 'g1');
      await held.setSettings({ mode: 'silent', disabledRules: [], language: 'zh' });
      other = held;
    };
    const said = adapter.say('早上好', { group: { id: 'g1', name: 'ops', memberCount: 11, coverage: 'mentions-only' } });
    const held = await waitFor(() => other, 'the other instance');
    await held.waiters(1);
    await held.commit();
    await said;
    expect(await store.groupSettings('test', 'g1')).toEqual({ mode: 'silent', disabledRules: [], language: 'zh', coverage: 'mentions-only' });
  });
});

describeEngines('Bot: anonymous leads', (engine) => {
  it('marks a lead done with its content and the quarter hour it was sent in alone; its redelivery files no second lead nor answer', async () => {
    const db = await engine.fresh();
    const { store, config } = await botHarness((c) => (c.db = db));
    let now = NOW;
    const adapter = new RecordingAdapter();
    await new Bot({ config, store, engine: rulesOnly(), adapters: [adapter], now: () => now, log: () => {} }).start();
    // A Slack DM: its id names its channel, whose one member sent it.
    const dm = { id: 'D0ALICE/1795438490.000100', group: null, addressed: true, ts: Date.UTC(2026, 10, 24, 2, 14, 50) };
    await adapter.say('report 主任要求每天在三个群里重复报体温', dm);
    // Delivered again when the clock is in the next quarter hour.
    now += 20 * 60_000;
    await adapter.say('report 主任要求每天在三个群里重复报体温', dm);
    const leads = await store.leads({ from: 0, to: Date.UTC(2030, 0, 1) });
    // At the quarter hour it was handled in, as the mark is not.
    expect(leads).toEqual([{ platform: 'test', groupId: null, text: '主任要求每天在三个群里重复报体温', ts: Date.UTC(2026, 10, 24, 3, 0) }]);
    expect(adapter.sent.filter((s) => s.to === 'private')).toHaveLength(1);
    await store.flush();
    const raw = await rawDb(config.db);
    const marks = await raw.all<{ key: string; ts: number | string }>('SELECT key, ts FROM seen_events');
    await raw.close();
    // The one mark left is made of the lead and the time it was sent: nothing in it is a function of the message id.
    expect(marks.map((m) => [m.key, Number(m.ts)])).toEqual([[leadMarks('test', null, leads[0].text, dm.ts).done, leads[0].ts]]);
  });

  it('files the identical lead of a second member once and thanks them as the first; a redelivery is thanked once', async () => {
    const db = await engine.fresh();
    const { store, adapter } = await botHarness((c) => (c.db = db));
    const say = (text: string, id: string, from: string, dm?: 'dm') =>
      adapter.say(text, { id, from, addressed: true, ts: NOW - 60_000, ...(dm && { group: null }) });
    // Two members of one group, in one quarter hour; the second's message delivered twice.
    await say('report 每天要在三个群里重复报体温', 'g-a', 'u1');
    await say('report 每天要在三个群里重复报体温', 'g-b', 'u2');
    await say('report 每天要在三个群里重复报体温', 'g-b', 'u2');
    // Two members' DMs, the second's coming while the first's is handled, and again.
    await Promise.all([say('反映 周报能不能只发一次', 'd-a', 'u1', 'dm'), say('反映 周报能不能只发一次', 'd-b', 'u2', 'dm')]);
    await say('反映 周报能不能只发一次', 'd-b', 'u2', 'dm');
    expect((await store.leads({ from: 0, to: Date.UTC(2030, 0, 1) })).map((l) => l.text)).toEqual(['每天要在三个群里重复报体温', '周报能不能只发一次']);
    const inGroup = 'Thank you: recorded anonymously for the next weekly digest. The group saw what you wrote, though: next time, send it to me privately.';
    expect(adapter.sent).toEqual([
      { to: 'private', id: 'u1', text: inGroup, groupId: 'g1' },
      { to: 'private', id: 'u2', text: inGroup, groupId: 'g1' },
      { to: 'private', id: 'u1', text: '已匿名记录，将汇入下一期周报。' },
      { to: 'private', id: 'u2', text: '已匿名记录，将汇入下一期周报。' },
    ]);
  });
});

describeEngines('Bot: a group whose platform tells neither members nor size (DingTalk)', (engine) => {
  it("knows at least whoever spoke there: a member's own stats count it, and the report, stats group and digest size it so", async () => {
    const db = await engine.fresh();
    const { store, adapter, config } = await botHarness((c) => (c.db = db));
    const group = { id: 'cid1', name: '教务处工作群', coverage: 'mentions-only' as const };
    await adapter.say(DEMAND, { addressed: true, group, from: 'boss' });
    for (const from of ['li', 'wang', 'zhao', 'qian', 'sun']) await adapter.say('收到', { addressed: true, group, from });
    await adapter.say('收到', { addressed: true, group, from: 'li' });
    // The same people speaking in another group tell nothing of its roster: no overlap is claimed.
    for (const from of ['boss', 'li', 'wang', 'zhao', 'qian', 'sun'])
      await adapter.say('好的', { addressed: true, group: { ...group, id: 'cid2', name: '教研组' }, from });
    await store.flush();
    expect((await store.group('test', 'cid1'))?.memberIds).toEqual(['boss', 'li', 'qian', 'sun', 'wang', 'zhao']);

    await adapter.say('stats', { addressed: true, group, from: 'li' });
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'li', text: expect.stringMatching(/^You this week \(23–29 Nov\): 1 possible formalism demand/) });

    // Five readers besides the sender, not one.
    const [demand] = await stored(store);
    const perReader = demand.categories.reduce((sum, c) => sum + config.costs[c], 0);
    const report = (await storedReport(store, config, { from: 0, to: NOW + 1 })).build();
    expect(report.groups).toMatchObject([
      { id: 'cid1', members: 6, person_minutes: 5 * perReader },
      { id: 'cid2', members: 6 },
    ]);
    expect(report.sprawl).toEqual([]);
    expect((await store.categoryTotals({ from: 0, to: NOW + 1 }))['check-in']).toEqual({ count: 1, recipients: 5 });
    const digest = await buildDigest(config, store, { platform: 'test', user: 'boss', scope: {} }, '2026-W48');
    expect(digest.groups).toContainEqual(expect.objectContaining({ name: '教务处工作群', demands: 1, personMinutes: 5 * perReader }));
    expect(digest.smallGroupsLeftOut).toBeUndefined();
  });
});

describeEngines('Bot: a DingTalk group after members opt out or are forgotten', (engine) => {
  it('keeps the readers of demands already counted: an opted-out member counts by hash, a forgotten one as a count', async () => {
    const db = await engine.fresh();
    const { store, adapter, config } = await botHarness((c) => (c.db = db));
    const group = { id: 'cid1', name: '教务处工作群', coverage: 'mentions-only' as const };
    await adapter.say(DEMAND, { addressed: true, group, from: 'boss' });
    for (const from of ['li', 'wang', 'zhao', 'qian', 'sun']) await adapter.say('收到', { addressed: true, group, from });
    await adapter.say('optout', { addressed: true, from: 'li' });
    await adapter.say('forget me', { addressed: true, from: 'wang' });
    await store.flush();
    expect((await store.group('test', 'cid1'))?.memberIds).toEqual(['boss', 'qian', 'sun', 'zhao']);
    // Five readers besides the sender, as before li and wang left the list: before, three.
    const [demand] = await stored(store);
    const perReader = demand.categories.reduce((sum, c) => sum + config.costs[c], 0);
    const report = (await storedReport(store, config, { from: 0, to: NOW + 1 })).build();
    expect(report.groups).toMatchObject([{ id: 'cid1', members: 6, person_minutes: 5 * perReader }]);
    expect((await store.categoryTotals({ from: 0, to: NOW + 1 }))['check-in']).toEqual({ count: 1, recipients: 5 });
    const digest = await buildDigest(config, store, { platform: 'test', user: 'boss', scope: {} }, '2026-W48');
    expect(digest.groups).toContainEqual(expect.objectContaining({ name: '教务处工作群', demands: 1, personMinutes: 5 * perReader }));
    // Asked again, the erasure counts no one twice.
    await adapter.say('forget me', { id: 'again', addressed: true, from: 'wang' });
    expect((await store.categoryTotals({ from: 0, to: NOW + 1 }))['check-in']).toEqual({ count: 1, recipients: 5 });
  });
});

describeEngines('Bot: the retention purge', (engine) => {
  it('a group silent past the retention that speaks again keeps its size and is named and listed again', async () => {
    const db = await engine.fresh();
    const { bot, store, adapter, config } = await botHarness((c) => (c.db = db));
    const group = { id: 'g1', name: '教务处工作群', memberCount: 30, members: ['boss', 'han', 'li'] };
    await adapter.say('大家好', { group, from: 'han', ts: NOW - 40 * DAY });
    await store.flush();
    await bot.purge(NOW - 30 * DAY);
    expect(await store.group('test', 'g1')).toMatchObject({ name: 'g1', members: 30, memberIds: [] });
    // The same process, the same roster: before, its cached signature kept the bot from writing it again.
    await adapter.say(DEMAND, { group, from: 'boss', ts: NOW });
    await store.flush();
    expect(await store.group('test', 'g1')).toMatchObject({ name: '教务处工作群', members: 30, memberIds: ['boss', 'han', 'li'] });
    const report = (await storedReport(store, config, { from: NOW - DAY, to: NOW + 1 })).build();
    expect(report.groups).toMatchObject([{ id: 'g1', members: 30 }]);
  });
});

describeEngines('Bot: the retention purge of another instance', (engine) => {
  /** Two bots on one database, the first on a clock the test moves. */
  const twoBots = async (start: number) => {
    const db = await engine.fresh();
    const clock = { now: start };
    const here = await botHarness(
      (c) => (c.db = db),
      undefined,
      () => clock.now,
    );
    const other = await botHarness((c) => (c.db = db));
    return { here, other, clock };
  };
  const group = { id: 'g1', name: '教务处工作群', memberCount: 30, members: ['boss', 'han', 'li'] };

  it("lists again, when it next speaks, a group this instance wrote before the other's purge took its list", async () => {
    const { here, other, clock } = await twoBots(NOW - 40 * DAY);
    const dingtalk = { id: 'cid1', name: '成员1的值班群' }; // no members told: its speakers are its list
    await here.adapter.say('大家好', { group, from: 'han', ts: clock.now });
    await here.adapter.say('大家好', { group: dingtalk, from: 'han', ts: clock.now });
    await here.store.flush();
    clock.now = NOW;
    await other.bot.purge(NOW - 30 * DAY);
    expect(await here.store.group('test', 'g1')).toMatchObject({ memberIds: [] });
    // This instance's roster still holds both as it wrote them: before, it did not write them again.
    await here.adapter.say(DEMAND, { group, from: 'boss', ts: NOW });
    await here.adapter.say('收到', { group: dingtalk, from: 'han', ts: NOW });
    await here.store.flush();
    expect(await other.store.group('test', 'g1')).toMatchObject({ name: '教务处工作群', members: 30, memberIds: ['boss', 'han', 'li'] });
    expect(await other.store.group('test', 'cid1')).toMatchObject({ name: '成员1的值班群', memberIds: ['han'] });
  });

  it('lists again a group first written by a message delivered late, once that message is past a day old', async () => {
    const { here, other, clock } = await twoBots(NOW);
    // Sent 23 hours ago, delivered now (the bot was down): retention keeps the group by the message's time.
    await here.adapter.say('大家好', { group, from: 'han', ts: NOW - 23 * HOUR });
    await here.store.flush();
    clock.now = NOW + 2 * HOUR;
    await other.bot.purge(clock.now - DAY);
    expect(await here.store.group('test', 'g1')).toMatchObject({ memberIds: [] });
    // Before, the roster trusted its entry for a day from delivery, and did not write the group again.
    clock.now = NOW + 3 * HOUR;
    await here.adapter.say(DEMAND, { group, from: 'boss', ts: clock.now });
    await here.store.flush();
    expect(await other.store.group('test', 'g1')).toMatchObject({ name: '教务处工作群', members: 30, memberIds: ['boss', 'han', 'li'] });
  });
});
