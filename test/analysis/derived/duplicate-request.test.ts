import { describe, expect, it } from 'vitest';
import { DuplicateDetector } from '../../../src/analysis/derived/duplicate-request.js';
import { normalize } from '../../../src/engine/normalize.js';
import type { Category } from '../../../src/core/categories.js';

const T0 = Date.parse('2026-11-16T10:00:00+08:00');
const DAY = 86_400_000;
const FORM = '请各单位于本周五前填报附件中的安全生产信息采集表，并报送至办公室邮箱';
const FORM2 = '请各单位于本周五前填报附件中的安全生产信息采集表，并报送至办公室邮箱！！'; // near-identical
const OTHER = '请全体同事今晚十点前完成打卡并截图发群里';

const demand = (id: string, group: string, sender: string, text: string, ts = T0, categories: Category[] = ['data-request']) => ({
  platform: 'slack',
  id,
  groupId: group,
  senderId: sender,
  ts,
  text,
  hash: normalize(text),
  categories,
});

function run(records: ReturnType<typeof demand>[]) {
  const d = new DuplicateDetector();
  for (const r of records) d.add(r);
  return d.results();
}

describe('DuplicateDetector', () => {
  it('clusters the same demand in two groups', () => {
    expect(run([demand('m1', 'G1', 'a', FORM), demand('m2', 'G2', 'b', FORM, T0 + 3600_000), demand('m3', 'G1', 'a', OTHER)])).toEqual([
      { message_ids: ['m1', 'm2'], groups: ['G1', 'G2'] },
    ]);
  });

  it('clusters the same demand from two senders in one group', () => {
    expect(run([demand('m1', 'G1', 'a', FORM), demand('m2', 'G1', 'b', FORM, T0 + DAY)])).toEqual([{ message_ids: ['m1', 'm2'], groups: ['G1'] }]);
  });

  it('does not report one sender repeating a demand in one group', () => {
    expect(run([demand('m1', 'G1', 'a', FORM), demand('m2', 'G1', 'a', FORM, T0 + DAY)])).toEqual([]);
  });

  it('links near-identical texts and not different ones', () => {
    expect(run([demand('m1', 'G1', 'a', FORM), demand('m2', 'G2', 'a', FORM2, T0 + 1)])).toEqual([{ message_ids: ['m1', 'm2'], groups: ['G1', 'G2'] }]);
    expect(run([demand('m1', 'G1', 'a', FORM), demand('m2', 'G2', 'a', OTHER, T0 + 1)])).toEqual([]);
    expect(run([demand('m1', 'G1', 'a', '请填报统计表'), demand('m2', 'G2', 'a', '请填报台账', T0 + 1)])).toEqual([]);
  });

  it('reads the same request with other numbers as the same text', () => {
    const a = '请各单位于11月20日前报送第3季度安全生产信息采集表（编号2026-117）';
    const b = '请各单位于11月27日前报送第4季度安全生产信息采集表（编号2026-9）';
    expect(run([demand('m1', 'G1', 'a', a), demand('m2', 'G2', 'b', b, T0 + DAY)])).toEqual([{ message_ids: ['m1', 'm2'], groups: ['G1', 'G2'] }]);
  });

  it('takes exactly 7 days apart as within the window, and a millisecond more as outside', () => {
    expect(run([demand('m1', 'G1', 'a', FORM), demand('m2', 'G2', 'b', FORM, T0 + 7 * DAY)])).toHaveLength(1);
    expect(run([demand('m1', 'G1', 'a', FORM), demand('m2', 'G2', 'b', FORM, T0 + 7 * DAY + 1)])).toEqual([]);
    expect(run([demand('m1', 'G1', 'a', FORM), demand('m2', 'G2', 'b', FORM2, T0 + 7 * DAY + 1)])).toEqual([]);
  });

  it('chains repeats over time, lists ids in time order, and accepts records out of global order', () => {
    const records = [
      demand('m3', 'G3', 'c', FORM, T0 + 12 * DAY),
      demand('m1', 'G1', 'a', FORM, T0),
      demand('m2', 'G2', 'b', FORM2, T0 + 6 * DAY),
      demand('m9', 'G9', 'z', FORM, T0 + 30 * DAY), // 18 days after m3: its own, alone
    ];
    expect(run(records)).toEqual([{ message_ids: ['m1', 'm2', 'm3'], groups: ['G1', 'G2', 'G3'] }]);
  });

  it('ignores messages that are not demands', () => {
    expect(run([demand('m1', 'G1', 'a', FORM, T0, []), demand('m2', 'G2', 'b', FORM, T0, [])])).toEqual([]);
  });

  it('handles 200,000 demands of a few hundred templates in many groups', () => {
    const templates = Array.from({ length: 300 }, (_, i) => `${i % 2 ? OTHER : FORM}（第${i}号通知，编号${(i * 7919) % 10007}）`);
    const d = new DuplicateDetector();
    for (let i = 0; i < 200_000; i++) {
      const text = templates[i % templates.length];
      d.add({
        platform: 'slack',
        id: `m${i}`,
        groupId: `G${i % 1000}`,
        senderId: `s${i % 500}`,
        ts: T0 + i * 1000,
        text,
        hash: normalize(text),
        categories: ['data-request'],
      });
    }
    const found = d.results();
    const covered = found.reduce((sum, c) => sum + c.message_ids.length, 0);
    expect(covered).toBe(200_000);
    // The template texts differ only in their numbers, so they are near-duplicates of each other.
    expect(found.length).toBeLessThan(10);
    expect(found[0].groups.length).toBeGreaterThan(100);
  });
});
