import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Bot } from '../../src/bot/bot.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import type { Config } from '../../src/core/config.js';
import { createEngine, defaultEngine } from '../../src/engine/index.js';
import type { Engine } from '../../src/engine/engine.js';
import { openStore } from '../../src/analysis/open-store.js';
import type { Store } from '../../src/store/store.js';
import { RecordingAdapter } from './recording-adapter.js';
import { tempDir } from './temp-dir.js';

const open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

/** Tuesday 2026-11-24 11:00 in Shanghai: "this week" is 2026-W48 in the tests. */
export const NOW = Date.UTC(2026, 10, 24, 3, 0);

/**
 * The built-in rules without the learned stage: for tests of what the bot does with a message it
 * left alone, so that which demands the shipped model happens to miss cannot decide them.
 */
export const rulesOnly = (): Engine => (rulesOnlyEngine ??= createEngine([], { model: null }));
let rulesOnlyEngine: Engine | undefined;

/** A bot on a real SQLite file in a temp folder, fed by a recording adapter; its clock reads NOW unless `now` is given. */
export async function botHarness(edit: (c: Config) => void = () => {}, classifier?: Engine, now: () => number = () => NOW) {
  const config = defaultConfig();
  config.db = join(tempDir(), 'bot.db');
  edit(config);
  const store = await openStore(config.db, config.timezone);
  open.push(store);
  const adapter = new RecordingAdapter();
  // Custom rule folders on top of the built-in rules, as `start` loads them.
  const engine = classifier ?? (config.rules.length ? createEngine(config.rules) : defaultEngine());
  const bot = new Bot({ config, store, engine, adapters: [adapter], now, log: () => {} });
  await bot.start();
  return { bot, store, adapter, config };
}
