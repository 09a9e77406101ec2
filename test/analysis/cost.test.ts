import { describe, expect, it } from 'vitest';
import { effectiveRecipients, minutesPerRecipient, personMinutes } from '../../src/analysis/cost.js';
import { DEFAULT_COSTS } from '../../src/core/config-defaults.js';

const costs = { ...DEFAULT_COSTS, 'check-in': 2, 'proof-demand': 3, 'data-request': 15 };

describe('burden', () => {
  it('sums the cost of every category of a message', () => {
    expect(minutesPerRecipient(['check-in', 'proof-demand'], costs)).toBe(5);
    expect(minutesPerRecipient([], costs)).toBe(0);
  });

  it('multiplies by the recorded recipients', () => {
    expect(personMinutes({ categories: ['check-in', 'proof-demand'], recipients: 40 }, costs, 999)).toBe(200);
  });

  it('falls back to the group size minus the sender when recipients are unknown, and to one reader at least', () => {
    expect(effectiveRecipients(0, 58)).toBe(57);
    // A group whose size no one can tell (a DingTalk robot's), or where only the sender was seen.
    expect(effectiveRecipients(0, 0)).toBe(1);
    expect(effectiveRecipients(0, 1)).toBe(1);
    expect(effectiveRecipients(12, 58)).toBe(12);
    expect(personMinutes({ categories: ['data-request'], recipients: 0 }, costs, 11)).toBe(150);
  });

  it('follows a configured cost table', () => {
    expect(personMinutes({ categories: ['data-request'], recipients: 10 }, { ...costs, 'data-request': 30 }, 0)).toBe(300);
  });
});
