import { describe, expect, it } from 'vitest';
import { Cooldowns } from '../../src/core/cooldowns.js';

describe('Cooldowns', () => {
  it('lets a key through once per period, and keeps a pass told of elsewhere', () => {
    const c = new Cooldowns<string>(1000);
    expect([c.take('a', 0), c.take('a', 999), c.take('b', 999), c.take('a', 1000)]).toEqual([true, false, true, true]);
    // Another instance passed 'c' at 500: not again before 1500.
    c.note('c', 500);
    expect([c.take('c', 1499), c.take('c', 1500)]).toEqual([false, true]);
  });
});
