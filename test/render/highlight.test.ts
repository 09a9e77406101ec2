import { describe, expect, it } from 'vitest';
import { segments } from '../../src/render/highlight.js';
import type { Finding } from '../../src/core/finding.js';

const f = (rule: string, start: number, end: number): Finding => ({ rule, category: 'check-in', span: [start, end], match: '' });

describe('segments', () => {
  it('splits text into plain and matched parts that join back to the text', () => {
    const text = '请大家今晚十点前完成打卡并截图';
    const parts = segments(text, [f('check-in/a', 10, 12), f('proof-demand/b', 13, 15)]);
    expect(parts).toEqual([
      { text: '请大家今晚十点前完成', rules: [] },
      { text: '打卡', rules: ['check-in/a'] },
      { text: '并', rules: [] },
      { text: '截图', rules: ['proof-demand/b'] },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('merges overlapping spans naming every rule, and clips spans past the end', () => {
    expect(segments('abcdef', [f('r1', 1, 4), f('r2', 3, 5), f('r3', 5, 99)])).toEqual([
      { text: 'a', rules: [] },
      { text: 'bcde', rules: ['r1', 'r2'] },
      { text: 'f', rules: ['r3'] },
    ]);
  });

  it('keeps surrogate pairs whole when spans are in UTF-16 units', () => {
    expect(segments('👍打卡', [f('r', 2, 4)])).toEqual([
      { text: '👍', rules: [] },
      { text: '打卡', rules: ['r'] },
    ]);
  });
});
