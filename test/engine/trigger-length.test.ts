import { describe, expect, it } from 'vitest';
import { triggerLength } from '../../src/engine/check-conditions.js';
import type { Rule } from '../../src/engine/rule.js';

describe('triggerLength', () => {
  it("is the rule's longest trigger term, for a list of any size", () => {
    const rule = (any: string[]) => ({ match: { any } }) as unknown as Rule;
    expect(triggerLength(rule(['打卡', 'clock in', '签到']))).toBe(8);
    // Spread into Math.max, 300,000 terms overflowed the stack.
    expect(triggerLength(rule(Array.from({ length: 300_000 }, (_, i) => `word${i}`)))).toBe(10);
  });
});
