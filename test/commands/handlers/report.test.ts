import { expect, it } from 'vitest';
import { Bot } from '../../../src/bot/bot.js';
import { buildDigest } from '../../../src/digest/build-digest.js';
import { botHarness, rulesOnly } from '../../support/bot-harness.js';
import { RecordingAdapter } from '../../support/recording-adapter.js';

const LEAD = '街道要求每户每天点赞三次';

it('files a lead sent before a digest went out and handled after it in the next digest, as its thanks says', async () => {
  const { store, config } = await botHarness();
  // Handled Monday 2026-11-30 09:00 in Shanghai, once the digest of 2026-W48 went out.
  const adapter = new RecordingAdapter();
  await new Bot({ config, store, engine: rulesOnly(), adapters: [adapter], now: () => Date.UTC(2026, 10, 30, 1, 0), log: () => {} }).start();
  // Sent Sunday 23:50 in Shanghai, the last minutes of 2026-W48.
  await adapter.say(`反映 ${LEAD}`, { group: null, addressed: true, ts: Date.UTC(2026, 10, 29, 15, 50) });
  expect(adapter.last()!.text).toBe('已匿名记录，将汇入下一期周报。');
  const boss = { platform: 'test', user: 'boss', scope: {} };
  expect((await buildDigest(config, store, boss, '2026-W48')).leads).toEqual([]);
  expect((await buildDigest(config, store, boss, '2026-W49')).leads).toEqual([LEAD]);
});
