import { describe, expect, it } from 'vitest';
import { agreement } from '../../src/eval/agreement.js';

describe('agreement between two labellers', () => {
  it('counts identical label sets, kappa per category and how disagreements were resolved', () => {
    const a = agreement([
      { writer: ['check-in'], second: ['check-in'], final: ['check-in'] },
      { writer: [], second: [], final: [] },
      { writer: ['check-in'], second: [], final: [] },
      { writer: ['like-quota', 'proof-demand'], second: ['like-quota'], final: ['like-quota', 'proof-demand'] },
      { writer: ['data-request'], second: ['ack-demand'], final: ['data-request', 'ack-demand'] },
    ]);
    expect(a.exact).toBe(2);
    expect(a.resolved).toEqual({ writer: 1, second: 1, neither: 1 });
    // like-quota: both said yes once and no four times: perfect agreement.
    expect(a.kappa['like-quota']).toBe(1);
    // check-in: yes/yes, no/no x3, yes/no: agreement 0.8 against chance 0.4*0.2+0.6*0.8 = 0.56.
    expect(a.kappa['check-in']).toBeCloseTo((0.8 - 0.56) / (1 - 0.56), 6);
  });
});
