import { describe, expect, it } from 'vitest';
import { DemandTable } from '../../../src/analysis/derived/demand-table.js';
import { DuplicateDetector } from '../../../src/analysis/derived/duplicate-request.js';

describe('DemandTable', () => {
  it('numbers demands in order, and groups and senders the same every time', () => {
    const t = new DemandTable();
    expect(t.add({ platform: 'slack', id: 'a', groupId: 'G1', senderId: 'u1', ts: 10 })).toBe(0);
    expect(t.add({ platform: 'slack', id: 'b', groupId: 'G2', senderId: 'u2', ts: 20 })).toBe(1);
    expect(t.add({ platform: 'slack', id: 'c', groupId: 'G1', senderId: 'u1', ts: 30 })).toBe(2);
    expect(t.sender('slack', 'u2')).toBe(1);
    expect(t.sender('slack', 'someone who only acked')).toBe(2);
    const { times, groups, senders } = t.columns();
    expect([...times]).toEqual([10, 20, 30]);
    expect([...groups].map((g) => t.groupIds[g])).toEqual(['G1', 'G2', 'G1']);
    expect([...senders]).toEqual([0, 1, 0]);
    expect([t.timeOf(1), t.senderOf(2), t.ids[2]]).toEqual([20, 0, 'c']);
  });

  it('holds more rows than its first allocation', () => {
    const t = new DemandTable();
    for (let i = 0; i < 5000; i++) t.add({ platform: 'slack', id: `m${i}`, groupId: `G${i % 7}`, senderId: `u${i % 13}`, ts: i * 1000 });
    expect(t.timeOf(4999)).toBe(4_999_000);
    expect(t.columns().times.length).toBe(5000);
  });

  it('refuses a demand given to a sharing detector out of step with the table', () => {
    const t = new DemandTable();
    const d = new DuplicateDetector(t);
    const demand = { platform: 'slack', id: 'a', groupId: 'G1', senderId: 'u1', ts: 1, hash: 'h', text: 'x', categories: ['check-in' as const] };
    t.add(demand);
    t.add({ ...demand, id: 'b' });
    expect(() => d.add(demand, 1)).toThrow(/out of step/);
  });
});
