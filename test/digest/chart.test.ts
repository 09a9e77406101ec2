import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { chartLanguage, digestChartPng, digestChartSvg } from '../../src/digest/chart.js';
import { digestStore, seedWeek } from './fixture.js';

async function week47() {
  const { config, store } = await digestStore();
  await seedWeek(store);
  return buildDigest(config, store, { platform: 'test', user: 'boss', scope: {} }, '2026-W47');
}

describe('digest chart', () => {
  it('renders the week by category and the trend to a valid PNG', async () => {
    const d = await week47();
    const { png, title } = digestChartPng(d);
    expect(title).toBe('fingertip-digest-2026-W47');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString()).toBe('IHDR');
    // Four category rows (40 + 4 × 26 + 16; tiny's acknowledgements count in the likes' row) over the 220-high trend.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 160 + 220]);
  });

  it('is labelled in the digest language', async () => {
    const d = await week47();
    const en = digestChartSvg(d, 'en');
    for (const label of ['forms and data', 'proof screenshots', 'likes and shares', '2026-W47: person-hours by category', 'W43', 'W47'])
      expect(en).toContain(label);
    const zh = digestChartSvg(d, 'zh');
    for (const label of ['填表报数', '截图留痕', '点赞转发', '2026年第47周各类负担', '近5周负担', '第43周', '第47周']) expect(zh).toContain(label);
    expect(zh).not.toMatch(/person-hours|W43/);
  });

  it('draws Chinese labels where a font has Chinese glyphs, and English ones where none does', () => {
    // .ci/run installs a CJK font, as the HTML report's test needs one too.
    expect(chartLanguage('zh')).toBe('zh');
    expect(chartLanguage('zh', { loadSystemFonts: false })).toBe('en');
    expect(chartLanguage('en')).toBe('en');
  });
});
