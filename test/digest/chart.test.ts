import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { digestChartPng, digestChartSvg } from '../../src/digest/chart.js';
import { digestStore, seedWeek } from './fixture.js';

describe('digest chart', () => {
  it('renders the week by category and the trend to a valid PNG', async () => {
    const { config, store } = await digestStore();
    await seedWeek(store);
    const d = await buildDigest(config, store, { platform: 'test', user: 'boss', scope: {} }, '2026-W47');
    const svg = digestChartSvg(d);
    for (const label of ['data-request', 'proof-demand', 'W43', 'W47']) expect(svg).toContain(label);
    const { png, title } = digestChartPng(d);
    expect(title).toBe('fingertip-digest-2026-W47');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString()).toBe('IHDR');
    // Five category rows (40 + 5 × 26 + 16) over the 220-high trend.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 186 + 220]);
  });
});
