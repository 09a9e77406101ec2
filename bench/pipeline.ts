// Ingest through the whole bot pipeline (classify, record, batched SQLite commits) into a real file,
// then the latency of `stats` and the time of a week's report over what was stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapter } from '../src/core/adapter.js';
import { Bot } from '../src/bot/bot.js';
import type { ChatMessage } from '../src/core/chat-message.js';
import { defaultConfig } from '../src/core/config-defaults.js';
import { defaultEngine } from '../src/engine/index.js';
import { storedReport } from '../src/analysis/report/from-store.js';
import { groupWeekStats, memberWeekStats } from '../src/analysis/week-stats.js';
import { openStore } from '../src/analysis/open-store.js';
import { devTexts, peakRssMb } from './corpus.js';

const N = Number(process.env.FINGERTIP_BENCH_N ?? 1_000_000);
const GROUPS = 1000;
const IN_FLIGHT = 5000;
/** Messages handed over per turn of the event loop (a webhook or socket frame brings one). */
const PER_TURN = 100;
const START = Date.UTC(2026, 10, 16, 1, 0); // Monday 09:00 in Shanghai

/** A platform that never answers: the bench measures the bot, not a network. */
const quiet: Adapter = {
  platform: 'bench',
  start: async () => {},
  sendToGroup: async () => {},
  sendPrivate: async () => {},
  groupMembers: async () => [],
  isGroupAdmin: async () => false,
  stop: async () => {},
};

export async function run(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fingertip-bench-'));
  const config = defaultConfig();
  config.db = join(dir, 'bench.db');
  const store = await openStore(config.db, config.timezone);
  const bot = new Bot({ config, store, engine: defaultEngine(), adapters: [quiet], log: () => {} });
  const texts = devTexts();
  const message = (i: number): ChatMessage => ({
    platform: 'bench',
    id: `m${i}`,
    group: { id: `g${i % GROUPS}`, name: `group ${i % GROUPS}`, memberCount: 20 + ((i % GROUPS) % 300) },
    sender: { id: `u${(i * 7919) % 20000}` },
    text: `${texts[i % texts.length]} #${i}`,
    ts: START + Math.floor((i / N) * 4 * 86_400_000), // four working days
  });
  try {
    const t0 = performance.now();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < N; i++) {
      const p = bot.handle(quiet, message(i)).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      // Messages reach a bot as I/O events, each in a turn of the event loop, between which SQLite's
      // callbacks run; one loop that never yielded would hold every commit back until it paused.
      else if (i % PER_TURN === 0) await new Promise(setImmediate);
    }
    await Promise.all(inFlight);
    await store.flush();
    const secs = (performance.now() - t0) / 1000;
    const rate = N / secs;
    print(
      `pipeline ingest: ${N.toLocaleString('en')} messages into SQLite in ${secs.toFixed(1)} s = ${Math.round(rate).toLocaleString('en')} messages/s (target >= 20,000): ${rate >= 20_000 ? 'met' : 'NOT MET'}; peak RSS ${peakRssMb().toFixed(0)} MB (target < 300): ${peakRssMb() < 300 ? 'met' : 'NOT MET'}`,
    );

    const now = START + 5 * 86_400_000;
    let t = performance.now();
    await groupWeekStats(store, config, 'bench', 'g7', now);
    const groupMs = performance.now() - t;
    t = performance.now();
    await memberWeekStats(store, config, 'bench', 'u7919', now);
    const memberMs = performance.now() - t;
    print(`stats: group ${groupMs.toFixed(1)} ms, member ${memberMs.toFixed(1)} ms (target < 50 ms): ${Math.max(groupMs, memberMs) < 50 ? 'met' : 'NOT MET'}`);

    t = performance.now();
    const week = { from: START - 3_600_000, to: START + 7 * 86_400_000 };
    const builder = await storedReport(store, config, week, { platform: 'bench' });
    const report = builder.build();
    const reportSecs = (performance.now() - t) / 1000;
    print(
      `report over a week of ${report.messages.toLocaleString('en')} messages: ${reportSecs.toFixed(1)} s (target < 5 s): ${reportSecs < 5 ? 'met' : 'NOT MET'}; peak RSS ${peakRssMb().toFixed(0)} MB (target < 300): ${peakRssMb() < 300 ? 'met' : 'NOT MET'}`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
