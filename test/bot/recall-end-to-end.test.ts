import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import { openStore } from '../../src/analysis/open-store.js';
import { bytesFound } from '../store/file-bytes.js';
import { NOW, rulesOnly } from '../support/bot-harness.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

// The whole path of a recall (撤回): a platform's removal → the bot → a real SQLite file, read back by
// `stats` in the group, by `fingertip report` and byte by byte.

/** The wrong notice, recalled a minute later: every trace of it carries the marker. */
const WRONG = '请全体同事今晚十点前完成打卡并截图发群里，编号QUAGGA7';
const RIGHT = ['各位明早九点前把周报表格填好发群里', '请大家下班前在群里回复收到并截图'];
const GROUP = { id: 'g1', name: 'ops', memberCount: 11 };

async function running() {
  const dir = tempDir();
  const config = defaultConfig();
  config.db = join(dir, 'bot.db');
  const store = await openStore(config.db, config.timezone);
  const adapter = new RecordingAdapter();
  const bot = new Bot({ config, store, engine: rulesOnly(), adapters: [adapter], now: () => NOW, log: () => {} });
  await bot.start();
  const file = join(tempDir({ 'fingertip.yaml': `db: ${config.db}\n` }), 'fingertip.yaml');
  const report = async () =>
    JSON.parse((await runCli(['report', '--week', '2026-W48', '--config', file])).stdout) as { demands: number; ack_storms: unknown[] };
  const statsGroup = async () => {
    await adapter.say('stats group', { addressed: true, group: GROUP });
    return adapter.last()!.text;
  };
  return { store, adapter, report, statsGroup };
}

describe('a recalled demand, end to end', () => {
  it('counts in no figure and leaves no byte of its text in the file, its WAL or after a checkpoint', async () => {
    const { store, adapter, report, statsGroup } = await running();
    await adapter.say(WRONG, { id: 'wrong', group: GROUP });
    for (const u of ['u2', 'u3', 'u4']) await adapter.say('收到', { group: GROUP, from: u, replyTo: 'wrong' });
    await adapter.say(RIGHT[0], { id: 'r0', group: GROUP });
    await adapter.say(RIGHT[1], { id: 'r1', group: GROUP });
    await store.flush();
    expect(bytesFound(store.path, ['QUAGGA7'])).not.toEqual([]);
    expect(await statsGroup()).toMatch(/3 possible formalism demands/);
    expect((await report()).demands).toBe(3);

    await adapter.changes!.removed('wrong');
    // Still running: the removal emptied the WAL, and what was written since holds nothing of it.
    expect(bytesFound(store.path, ['QUAGGA7'])).toEqual([]);
    const statsAfter = await statsGroup();
    expect(statsAfter).toMatch(/2 possible formalism demands/);
    expect((await report()).demands).toBe(2);

    // Sent again by mistake and recalled at once, before its batch was committed: never stored.
    const said = adapter.say(`${WRONG}（再发一次）`, { id: 'wrong-2', group: GROUP });
    await adapter.changes!.removed('wrong-2');
    await said;
    expect(await statsGroup()).toBe(statsAfter);
    expect((await report()).demands).toBe(2);
    // Closing checkpoints the WAL into the file: the file holds the others' texts and none of it.
    await store.close();
    expect(bytesFound(store.path, ['QUAGGA7'])).toEqual([]);
    expect(bytesFound(store.path, RIGHT)).toHaveLength(2);
  }, 30_000);

  it('keeps the acks of a recalled demand from making an ack storm of the demand before it', async () => {
    const { store, adapter, report } = await running();
    await adapter.say(RIGHT[0], { id: 'earlier', group: GROUP });
    await adapter.say(WRONG, { id: 'wrong', group: GROUP });
    for (const u of ['u2', 'u3', 'u4', 'u5', 'u6']) await adapter.say('收到', { group: GROUP, from: u });
    await store.flush();
    expect(await report()).toMatchObject({ demands: 2, ack_storms: [{ message_id: 'wrong', acks: 5 }] });
    await adapter.changes!.removed('wrong');
    expect(await report()).toMatchObject({ demands: 1, ack_storms: [] });
    // Acks after the next demand still count toward it.
    await adapter.say(RIGHT[1], { id: 'later', group: GROUP });
    for (const u of ['u2', 'u3', 'u4', 'u5', 'u6']) await adapter.say('收到', { group: GROUP, from: u });
    await store.flush();
    expect(await report()).toMatchObject({ demands: 2, ack_storms: [{ message_id: 'later', acks: 5 }] });
  }, 30_000);
});
