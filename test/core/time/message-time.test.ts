import { describe, expect, it } from 'vitest';
import { timeProblem } from '../../../src/core/time/message-time.js';

describe('timeProblem', () => {
  it('takes the times from 2000 to the end of 2099', () => {
    for (const ms of [Date.UTC(2000, 0, 1), Date.UTC(2026, 11, 7), Date.UTC(2100, 0, 1) - 1]) expect(timeProblem(ms), String(ms)).toBeUndefined();
  });

  it('names what is wrong with any other', () => {
    // A missing time given as 0, and seconds read as milliseconds, would stretch a report to 1970.
    for (const ms of [-1, 0, 1763258400, Date.UTC(2000, 0, 1) - 1])
      expect(timeProblem(ms), String(ms)).toBe('time is before 2000 (a missing time given as 0?)');
    expect(timeProblem(Date.UTC(2100, 0, 1))).toMatch(/after 2099 \(milliseconds given as seconds\?\)/);
    expect(timeProblem(99999999999 * 1000)).toMatch(/after 2099/);
    expect(timeProblem(NaN)).toBe('time is not a number');
  });
});
