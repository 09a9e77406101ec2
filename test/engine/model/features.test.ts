import { describe, expect, it } from 'vitest';
import { extractFeatures, FEATURES, newFeatureBuffer } from '../../../src/engine/model/features.js';
import { normalizeInto } from '../../../src/engine/normalize.js';

function features(text: string): { ids: number[]; spans: string[] } {
  const nz = normalizeInto(text);
  const buf = newFeatureBuffer();
  extractFeatures(nz, buf);
  const norm = String.fromCharCode(...nz.units.subarray(0, nz.length));
  return {
    ids: [...buf.ids.subarray(0, buf.count)],
    spans: Array.from({ length: buf.count }, (_, i) => norm.slice(buf.from[i], buf.to[i])),
  };
}

describe('model features', () => {
  it('reads Chinese as characters, bigrams and trigrams with the run edges', () => {
    const f = features('请打卡');
    // 3 characters, 4 bigrams (edge+请 … 卡+edge), 3 trigrams.
    expect(f.ids).toHaveLength(10);
    expect(f.spans).toContain('打卡');
    expect(f.spans).toContain('请打卡');
    expect(f.ids.every((id) => id >= 0 && id < FEATURES)).toBe(true);
  });

  it('reads Latin script as words, word pairs within a clause and five-letter stems', () => {
    const f = features('Please check in. Everyone');
    expect(f.spans).toEqual(expect.arrayContaining(['please', 'pleas', 'check', 'in', 'everyone', 'every']));
    // A pair's span is its second word: "check" stands as a word and in the pair "please check";
    // "everyone" only as a word, since the full stop ends the clause before it.
    expect(f.spans.filter((s) => s === 'check')).toHaveLength(2);
    expect(f.spans.filter((s) => s === 'everyone')).toHaveLength(1);
  });

  it('folds digits and the script of Chinese, so a deadline or a traditional notice shares its cues', () => {
    expect(features('3点前打卡').ids).toEqual(features('5点前打卡').ids);
    expect(features('請打卡').ids).toEqual(features('请打卡').ids);
    expect(features('CHECK IN').ids).toEqual(features('check in').ids);
  });

  it('gives the same ids on every run, and different ids to different words', () => {
    expect(features('收到请回复').ids).toEqual(features('收到请回复').ids);
    expect(new Set(features('点赞 投票 转发').ids).size).toBeGreaterThan(10);
  });

  it('counts each feature once, however often it occurs, so repeats weigh no more than one', () => {
    expect(features('。'.repeat(10_000)).ids).toEqual(features('。').ids);
    for (const text of ['打卡 打卡 打卡', 'please please please, please']) {
      const { ids } = features(text);
      expect(new Set(ids).size, text).toBe(ids.length);
    }
  });

  it('stops at the buffer size on a huge text instead of growing', () => {
    const nz = normalizeInto(Array.from({ length: 50_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join(''));
    const buf = newFeatureBuffer(1000);
    extractFeatures(nz, buf);
    expect(buf.count).toBe(1000);
  });
});
