import { describe, expect, it } from 'vitest';
import { timeProblem } from '../../../src/core/time/message-time.js';

describe('timeProblem', () => {
  it('takes the times from 1970 to the end of 2099', () => {
    for (const ms of [0, Date.UTC(2026, 11, 7), Date.UTC(2100, 0, 1) - 1]) expect(timeProblem(ms), String(ms)).toBeUndefined();
  });

  it('names what is wrong with any other', () => {
    expect(timeProblem(-1)).toBe('time is before 1970');
    expect(timeProblem(Date.UTC(2100, 0, 1))).toMatch(/after 2099 \(milliseconds given as seconds\?\)/);
    expect(timeProblem(99999999999 * 1000)).toMatch(/after 2099/);
    expect(timeProblem(NaN)).toBe('time is not a number');
  });
});
