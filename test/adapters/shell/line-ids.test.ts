import { describe, expect, it } from 'vitest';
import { LineIds } from '../../../adapters/shell/line-ids.js';

const idsOf = (lines: string[], seed?: string) => {
  const ids = new LineIds(seed);
  return lines.map((line) => ids.next(line));
};

describe('shell line ids', () => {
  it('gives the same input the same ids, numbered by line', () => {
    const input = ['/as 张三', '请大家今晚十点前完成打卡', '', '收到'];
    const ids = idsOf(input);
    expect(idsOf(input)).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    expect(ids.map((id) => id.split('-')[0])).toEqual(['1', '2', '3', '4']);
    // A rerun that stops early (a crash) or goes on further keeps the ids of the lines they share.
    expect(idsOf([...input, '明天见'])).toEqual([...ids, expect.any(String)]);
  });

  it('tells apart a line that reads the same at the same place of another input', () => {
    expect(idsOf(['早', '收到'])[1]).not.toBe(idsOf(['晚', '收到'])[1]);
    expect(idsOf(['收到'], 'session a')).not.toEqual(idsOf(['收到'], 'session b'));
  });
});
