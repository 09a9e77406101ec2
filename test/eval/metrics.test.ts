import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/metrics.js';

describe('evaluate', () => {
  it('counts multi-label hits, misses and false alarms per category', () => {
    const s = evaluate([
      { id: '1', expected: ['check-in'], actual: ['check-in'] },
      { id: '2', expected: ['check-in', 'proof-demand'], actual: ['check-in'] },
      { id: '3', expected: [], actual: ['proof-demand'] },
      { id: '4', expected: [], actual: [] },
    ]);
    expect(s.byCategory['check-in']).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(s.byCategory['proof-demand']).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(s.micro).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.micro.precision).toBeCloseTo(2 / 3);
    expect(s.falsePositiveRate).toBe(0.5);
    expect(s.misclassified.map((m) => m.id)).toEqual(['2', '3']);
  });
});
