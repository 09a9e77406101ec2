import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { DIGEST_LIST_MAX, digestText } from '../../src/digest/render-text.js';
import { digestStore, seedWeek } from './fixture.js';

describe('digestText', () => {
  it('names the first of a long list of findings and counts the rest, in Chinese and in English', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    const recipient = { platform: 'test', user: 'boss', scope: {} };
    for (const [lang, more] of [
      ['zh', `……另有 ${25 - DIGEST_LIST_MAX} 项`],
      ['en', `… and ${25 - DIGEST_LIST_MAX} more`],
    ] as const) {
      const d = await buildDigest(config, store, { ...recipient, lang }, '2026-W47');
      d.sprawl = Array.from({ length: 25 }, (_, i) => ({ groups: [`g${i}a`, `g${i}b`], overlap: 0.9 }));
      d.ackStorms = Array.from({ length: DIGEST_LIST_MAX }, (_, i) => ({ group: `g${i}`, acks: 30 }));
      const lines = digestText(d, config.digest.thresholds).split('\n');
      const overlaps = lines.filter((l) => /g\d+a/.test(l));
      expect(overlaps.map((l) => l.match(/g(\d+)a/)![1])).toEqual(Array.from({ length: DIGEST_LIST_MAX }, (_, i) => String(i)));
      expect(lines[lines.indexOf(overlaps.at(-1)!) + 1]).toBe(`  ${more}`);
      // A list no longer than the cap is shown whole, without a count.
      expect(lines.filter((l) => /^ {2}g\d+[:：]/.test(l))).toHaveLength(DIGEST_LIST_MAX);
      expect(lines.filter((l) => l.includes(more))).toHaveLength(1);
    }
  });
});
