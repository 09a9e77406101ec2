import { describe, expect, it } from 'vitest';
import { findSprawl } from '../../../src/analysis/derived/group-sprawl.js';

const people = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `u${from + i}`);

describe('findSprawl', () => {
  it('reports a pair at exactly 0.8 overlap and not just below it', () => {
    const groups = [
      { id: 'A', memberIds: people(0, 8) }, // 8 of B's 10: 0.8
      { id: 'B', memberIds: people(0, 10) },
      { id: 'C', memberIds: people(100, 111) }, // 9 of D's 11 shared... see below
      { id: 'D', memberIds: [...people(100, 109), 'x1', 'x2'] }, // shared 9, union 13: 0.69
    ];
    expect(findSprawl(groups)).toEqual([{ groups: ['A', 'B'], overlap: 0.8 }]);
  });

  it('handles sizes where t·n is not exact in floating point', () => {
    // 12 of 15 shared, union 15: exactly 0.8 (0.8 * 15 = 12.000000000000002).
    expect(
      findSprawl([
        { id: 'P', memberIds: people(0, 12) },
        { id: 'Q', memberIds: people(0, 15) },
      ]),
    ).toEqual([{ groups: ['P', 'Q'], overlap: 0.8 }]);
  });

  it('rounds overlap to 2 decimals, sorts pairs by overlap and orders ids within a pair', () => {
    const groups = [
      { id: 'Z', memberIds: people(0, 100) },
      { id: 'Y', memberIds: people(0, 100) },
      { id: 'X', memberIds: people(0, 86) }, // 86/100
    ];
    expect(findSprawl(groups)).toEqual([
      { groups: ['Y', 'Z'], overlap: 1 },
      { groups: ['X', 'Y'], overlap: 0.86 },
      { groups: ['X', 'Z'], overlap: 0.86 },
    ]);
  });

  it('counts each member once and ignores tiny groups', () => {
    expect(
      findSprawl([
        { id: 'A', memberIds: ['u1', 'u1', 'u2'] },
        { id: 'B', memberIds: ['u1', 'u2'] },
      ]),
    ).toEqual([]);
    expect(
      findSprawl([
        { id: 'A', memberIds: ['u1', 'u1', 'u2', 'u3'] },
        { id: 'B', memberIds: ['u1', 'u2', 'u3'] },
      ]),
    ).toEqual([{ groups: ['A', 'B'], overlap: 1 }]);
  });

  it('agrees with the brute-force answer on 300 groups', () => {
    // Offices of ~300 people, each with several chats made of most of the office plus a few outsiders.
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const groups = Array.from({ length: 300 }, (_, g) => {
      const office = g % 12;
      const base = people(office * 300, office * 300 + 300).filter(() => rand() < 0.9);
      return { id: `G${String(g).padStart(4, '0')}`, memberIds: [...base, ...people(100_000 + g * 5, 100_000 + g * 5 + 5)] };
    });
    const brute: { groups: string[]; overlap: number }[] = [];
    const sets = groups.map((g) => new Set(g.memberIds));
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        let both = 0;
        for (const m of sets[a]) if (sets[b].has(m)) both++;
        const j = both / (sets[a].size + sets[b].size - both);
        if (j >= 0.8) brute.push({ groups: [groups[a].id, groups[b].id], overlap: Math.round(j * 100) / 100 });
      }
    }
    const found = findSprawl(groups);
    expect(brute.length).toBeGreaterThan(100);
    expect(new Set(found.map((s) => `${s.groups.join('+')}=${s.overlap}`))).toEqual(new Set(brute.map((s) => `${s.groups.join('+')}=${s.overlap}`)));
  });
});
