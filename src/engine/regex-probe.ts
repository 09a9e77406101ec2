import { spawnSync } from 'node:child_process';
import type { Attack } from './regex-safety.js';

/** A probe that runs longer than this backtracks more than a polynomial bound allows at its length. */
export const PROBE_TIMEOUT_MS = 5_000;

// Run in a process of its own, which the timeout kills: a regular expression cannot be interrupted.
const PROBE = `
const [pattern, texts] = JSON.parse(process.argv[1]);
const re = new RegExp(pattern, 'gu');
for (const text of texts) {
  re.lastIndex = 0;
  while (re.exec(text) !== null) if (re.lastIndex === 0) break;
}`;

// Runs of each of these, besides recheck's own attack: digits, letters, spaces and Chinese are what
// chat messages are made of, and what a pattern's overlapping classes (\w|\d) backtrack on.
const UNITS = ['1', 'a', 'A', ' ', 'a1', 'a ', '。', '中'];

/**
 * recheck estimates some patterns' degree by fuzzing, not by proof, and an estimate can be wrong:
 * `(?:\w|\d){1,40}z` is "degree 4 (fuzz)" and takes minutes on 30 digits. Such a pattern is run on
 * texts of `length` characters, the longest its use can see, built from recheck's attack and from
 * runs of what messages are made of; true when it keeps within PROBE_TIMEOUT_MS.
 */
export function keepsToItsDegree(pattern: string, length: number, attack: Attack): boolean {
  const run = (unit: string, prefix = '', suffix = '\u0000') => (prefix + unit.repeat(Math.ceil(length / unit.length))).slice(0, length) + suffix;
  const texts = [...attack.pumps.filter((p) => p.pump !== '').map((p) => run(p.pump, p.prefix, attack.suffix)), ...UNITS.map((unit) => run(unit))];
  return spawnSync(process.execPath, ['-e', PROBE, JSON.stringify([pattern, texts])], { timeout: PROBE_TIMEOUT_MS }).status === 0;
}
