import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../../src/store/sqlite/db.js';
import { startSlackBot, type BotProcess } from '../../support/bot-process.js';
import { startSlackApiStub, type SlackApiStub } from '../../support/slack-api-stub.js';
import { tempDir } from '../../support/temp-dir.js';
import { streamEvent, WORKSPACE } from './event-stream.js';
import { sendSigned, SIGNING_SECRET } from './signed-request.js';

// The bot in a process of its own, killed with SIGKILL while Slack's events pour in: every event it
// answered 200 must be in the file, and Slack's redelivery of the rest must complete it, once each.

const EVENTS = 300;
const KILL_AFTER_ACKS = 100;
const IN_FLIGHT = 30;

const bots: BotProcess[] = [];
let stub: SlackApiStub | undefined;
afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await stub?.close();
});

const id = (i: number) => `C0${i % 3}/1800001000.${String(i).padStart(6, '0')}`;
const body = (i: number) => streamEvent(i, 1800001000, 'EvKill');

async function storedCounts(path: string): Promise<Map<string, number>> {
  const db = await Db.open(path, 1000);
  try {
    expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const rows = await db.all<{ id: string; n: number }>("SELECT id, count(*) AS n FROM messages WHERE platform = 'slack' GROUP BY id");
    return new Map(rows.map((r) => [r.id, r.n]));
  } finally {
    await db.close();
  }
}

describe('Slack events and a kill -9', () => {
  it('keeps every event it acknowledged, and stores each event once after redelivery', async () => {
    const api = (stub = await startSlackApiStub(WORKSPACE));
    const dir = tempDir();
    const db = join(dir, 'bot.db');
    const first = await startSlackBot({ db, apiUrl: api.url, signingSecret: SIGNING_SECRET, dir });
    bots.push(first);

    // Slack's side: events sent IN_FLIGHT at a time; the bot is killed once KILL_AFTER_ACKS were answered 200.
    const acked = new Set<number>();
    let next = 0;
    const sender = async () => {
      while (next < EVENTS) {
        const i = next++;
        const res = await sendSigned(first.port, body(i)).catch(() => undefined);
        if (res?.status === 200) acked.add(i);
        if (acked.size >= KILL_AFTER_ACKS && first.child.signalCode === null) first.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    expect(await first.exited).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.size).toBeLessThan(EVENTS); // killed mid-stream, not after the last

    const afterKill = await storedCounts(db);
    expect([...acked].filter((i) => afterKill.get(id(i)) !== 1).map(id)).toEqual([]);

    // Slack redelivers what was not acknowledged, and retries some that were (their ack was lost to it).
    const second = await startSlackBot({ db, apiUrl: api.url, signingSecret: SIGNING_SECRET, dir });
    bots.push(second);
    const unacked = Array.from({ length: EVENTS }, (_, i) => i).filter((i) => !acked.has(i));
    const retried = [...acked].slice(0, 30);
    const statuses = await Promise.all([...unacked, ...retried].map((i) => sendSigned(second.port, body(i), { retryNum: 1 }).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);

    // One more event to the bot, idle now: its 200 came after its commit, so a kill right after loses nothing.
    expect((await sendSigned(second.port, body(EVENTS))).status).toBe(200);
    second.child.kill('SIGKILL');
    expect(await second.exited).toBe('SIGKILL');

    const stored = await storedCounts(db);
    expect(stored.size).toBe(EVENTS + 1);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    expect(second.stderr).toEqual([]);
  }, 120_000);
});
