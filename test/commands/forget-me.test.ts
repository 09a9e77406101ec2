import { statSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.js';
import type { ChatUser } from '../../src/core/chat-message.js';
import { TEXTS } from '../../src/commands/texts.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import type { Store } from '../../src/store/store.js';
import { bytesFound } from '../store/file-bytes.js';
import { tempStore } from '../store/fixtures.js';
import { rulesOnly } from '../support/bot-harness.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { waitFor } from '../support/wait-for.js';

/** Slack, whose reaction ids name the reactor. */
const PLATFORM = 'slack';
const MEMBER: ChatUser = { id: 'Uqz7forgetme', name: '欧阳青蛙 Quenby-Thistlewood' };
const BOSS: ChatUser = { id: 'Uboss01', name: 'Boss Harrington' };
const PEER: ChatUser = { id: 'Upeer02', name: '李同事' };
const GROUP = { id: 'g1', name: 'ops', memberCount: 12, members: [MEMBER.id, BOSS.id, PEER.id] };
const ALL_TIME = { from: 0, to: Date.UTC(2030, 0, 1) };

/** The member's 30 demands, each flagged and each its own: half Chinese, half English. */
const memberTexts = Array.from({ length: 30 }, (_, i) =>
  i % 2 ? `Everyone must clock in on the app by 9am and post a screenshot here, ref XYLO${i}Q` : `请全体同事今晚十点前完成打卡并截图发群里，带上编号XYLO${i}Q`,
);
const otherTexts = Array.from({ length: 10 }, (_, i) => (i % 2 ? `请大家下班前在群里回复收到 PAXO${i}` : `各位明早九点前把周报表格填好发群里 PAXO${i}`));
/** Every trace of the member: name (whole and in parts), id, each text, the marker all texts carry. */
const TRACES = [MEMBER.name!, '欧阳青蛙', 'Quenby-Thistlewood', MEMBER.id, ...memberTexts, 'XYLO'];

/**
 * A running bot on a real file, in which the member has left every kind of trace the store keeps:
 * demands and chatter, a reaction (whose Slack-style id names them), membership, a supervisor
 * subscription by id and by name and a digest delivery, feedback given and received, missed demands reported and
 * reported by them, an identity key.
 */
async function botWithMember(): Promise<{ store: Store; adapter: RecordingAdapter }> {
  const store = await tempStore();
  const adapter = new RecordingAdapter(PLATFORM);
  adapter.admins.add(BOSS.id);
  const bot = new Bot({ config: defaultConfig(), store, engine: rulesOnly(), adapters: [adapter], now: () => Date.UTC(2026, 10, 24, 3, 0), log: () => {} });
  await bot.start();
  const say = (text: string, sender: ChatUser, extra: Parameters<RecordingAdapter['say']>[1] = {}) => adapter.say(text, { sender, group: GROUP, ...extra });

  for (let i = 0; i < 30; i++) {
    await say(memberTexts[i], MEMBER, { id: `d${i}` });
    if (i % 3 === 0) await say(otherTexts[i / 3], i % 2 ? BOSS : PEER, { id: `o${i / 3}` });
    if (i % 5 === 0) await say(`lunch at ${i}?`, MEMBER);
  }
  await say('+1', MEMBER, { id: `g1/1764000000.000100/${MEMBER.id}/+1`, kind: 'reaction', replyTo: 'o0' });
  await say(`config supervisor ${MEMBER.id}`, BOSS, { addressed: true });
  // On WeChat an admin names a supervisor by name: ids change at every login.
  await say(`config supervisor ${MEMBER.name}`, BOSS, { addressed: true });
  await say('not formalism', BOSS, { addressed: true, replyTo: 'd0' });
  await say('not formalism', MEMBER, { addressed: true, replyTo: 'o1' });
  // Demands the bot left alone, each reported missed: one the member sent, one the member reported.
  await say('Team, kindly go through the new handbook on the portal and mark it as read by Friday XYLO99Q', MEMBER, { id: 'q1' });
  await say('missed acknowledgements', BOSS, { addressed: true, replyTo: 'q1' });
  await say('Team, kindly go through the new rota on the portal and mark it as read by Friday PAXO99', PEER, { id: 'q2' });
  await say('missed acknowledgements', MEMBER, { addressed: true, replyTo: 'q2' });
  await store.identityPut(PLATFORM, 'contact-id:@puppet-7', MEMBER.id);
  await store.claimDelivery(PLATFORM, MEMBER.id, '2026-W47', Date.UTC(2026, 10, 23));
  await store.settleDelivery(PLATFORM, MEMBER.id, '2026-W47', null, Date.UTC(2026, 10, 23));
  await store.flush();
  for (let i = 1; i < 30; i++) expect((await store.message(PLATFORM, `d${i}`))?.categories.length).toBeGreaterThan(0);
  expect((await store.missedDemands()).map((m) => m.messageId).sort()).toEqual(['q1', 'q2']);
  expect(bytesFound(store.path, TRACES)).not.toEqual([]);
  return { store, adapter };
}

async function expectOthersIntact(store: Store): Promise<void> {
  for (let i = 0; i < otherTexts.length; i++) {
    const o = await store.message(PLATFORM, `o${i}`);
    // o1, which the member marked not formalism, keeps its text in the feedback only.
    expect(o).toMatchObject({ text: i === 1 ? null : otherTexts[i], senderId: i % 2 ? BOSS.id : PEER.id });
  }
  expect((await store.message(PLATFORM, 'o0'))?.senderName).toBe(PEER.name);
  expect((await store.group(PLATFORM, 'g1'))?.memberIds).toEqual([BOSS.id, PEER.id].sort());
}

describe('forget me', () => {
  it('leaves no byte of the name, id or texts in the database, its WAL or its index, running and after closing', async () => {
    const { store, adapter } = await botWithMember();
    const before = await store.groupTotals(ALL_TIME);

    await adapter.say('forget me', { sender: MEMBER, group: GROUP, addressed: true });
    expect(adapter.last()).toMatchObject({ to: 'private', id: MEMBER.id, text: TEXTS.forgotten('en') });
    // The bot still running: the erasure's checkpoint emptied the WAL, and what was written since (the
    // command's mark that it finished) holds nothing of the member.
    expect(bytesFound(store.path, TRACES)).toEqual([]);

    // Counts stay right; the member's demands stay counted under an anonymous token.
    expect(await store.groupTotals(ALL_TIME)).toEqual(before);
    const d1 = await store.message(PLATFORM, 'd1');
    expect(d1).toMatchObject({ text: null, senderId: expect.stringMatching(/^anon-[0-9a-f]{12}$/) });
    expect(d1?.findings.every((f) => f.match === '')).toBe(true);
    expect((await store.groupSettings(PLATFORM, 'g1')).supervisors).toEqual([]);
    expect(await store.identityGet(PLATFORM, 'contact-id:@puppet-7')).toBeUndefined();
    await expectOthersIntact(store);

    // The bot goes on: others' later messages are stored as ever, and nothing of the member returns.
    await adapter.say('各位明早九点前把周报表格填好发群里 PAXO-late', { sender: PEER, group: GROUP, id: 'late' });
    await store.close();
    expect(bytesFound(store.path, TRACES)).toEqual([]);
    const kept = [otherTexts[0], otherTexts[1], 'PAXO99', 'PAXO-late', BOSS.name!, PEER.name!];
    expect(bytesFound(store.path, kept).map((hit) => hit.split(' ').slice(2).join(' '))).toEqual(kept);
  }, 20_000);

  it('is not held up by a reader inside the WAL: the log is emptied once the reader is done', async () => {
    const { store, adapter } = await botWithMember();
    // Another process reading (a long report) keeps a snapshot that the checkpoint must not cut.
    const reader = new sqlite3.Database(store.path);
    const exec = (sql: string) => new Promise<void>((resolve, reject) => reader.exec(sql, (err) => (err ? reject(err) : resolve())));
    await exec('BEGIN; SELECT count(*) FROM messages;');
    try {
      const t0 = Date.now();
      await adapter.say('forget me', { sender: MEMBER, group: GROUP, addressed: true });
      expect(Date.now() - t0).toBeLessThan(4000);
      expect(adapter.last()).toMatchObject({ to: 'private', id: MEMBER.id });
      expect(statSync(`${store.path}-wal`).size).toBeGreaterThan(0);
      await exec('COMMIT');
      await waitFor(() => bytesFound(store.path, TRACES).length === 0, 'the WAL emptied by a retry', 10_000);
      expect(statSync(`${store.path}-wal`).size).toBe(0);
      await expectOthersIntact(store);
    } finally {
      await new Promise<void>((resolve) => reader.close(() => resolve()));
    }
    // Its own bound: building the member's traces takes seconds, and the retry may wait up to 10 s.
  }, 30_000);

  it('empties at the next start a log that the erasing process left behind, stopped before a reader let go', async () => {
    const { store, adapter } = await botWithMember();
    const reader = new sqlite3.Database(store.path);
    const exec = (sql: string) => new Promise<void>((resolve, reject) => reader.exec(sql, (err) => (err ? reject(err) : resolve())));
    await exec('BEGIN; SELECT count(*) FROM messages;');
    await adapter.say('forget me', { sender: MEMBER, group: GROUP, addressed: true });
    await store.close();
    // The bot starts again while the reader still holds its snapshot, and outlives it.
    const again = await tempStore({}, store.path);
    await exec('COMMIT');
    await new Promise<void>((resolve) => reader.close(() => resolve()));
    await waitFor(() => bytesFound(again.path, TRACES).length === 0, 'the WAL emptied after the restart', 10_000);
  }, 30_000);
});
