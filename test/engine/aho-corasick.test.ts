import { describe, expect, it } from 'vitest';
import { AhoCorasick, Hits } from '../../src/engine/aho-corasick.js';

function scan(patterns: string[], text: string): [string, number][] {
  const ac = new AhoCorasick(patterns);
  const hits = new Hits();
  const units = Uint16Array.from(text, (c) => c.charCodeAt(0));
  ac.scan(units, units.length, hits);
  const out: [string, number][] = [];
  for (let i = 0; i < hits.count; i++) out.push([patterns[hits.pattern[i]], hits.end[i]]);
  return out.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

/** The obvious quadratic search, as the reference the automaton must agree with. */
function naive(patterns: string[], text: string): [string, number][] {
  const out: [string, number][] = [];
  for (const p of patterns) for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) out.push([p, i + p.length]);
  return out.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested patterns', () => {
    expect(scan(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      ['he', 4],
      ['she', 4],
      ['hers', 6],
    ]);
  });

  it('agrees with a naive search on random text', () => {
    const alphabet = 'ab打卡c';
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rand = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const patterns = [...new Set(Array.from({ length: 8 }, () => rand(1 + Math.floor(next() * 3))))];
      const text = rand(60);
      expect(scan(patterns, text)).toEqual(naive(patterns, text));
    }
  });

  it('grows its hit buffer past the initial size', () => {
    expect(scan(['a'], 'a'.repeat(1000))).toHaveLength(1000);
  });
});
