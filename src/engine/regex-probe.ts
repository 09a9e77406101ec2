import { spawnSync } from 'node:child_process';
import type * as Recheck from 'recheck';
import { MAX_STEPS } from './polynomial-window.js';

/** A probe that runs longer than this has backtracking no polynomial bound allows at its length. */
const PROBE_TIMEOUT_MS = 5_000;

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
 * `(?:\w|\d){1,40}z` is "degree 4 (fuzz)" and takes minutes on 30 digits. Such a verdict is checked by
 * running the pattern on texts of the longest length the degree allows (MAX_STEPS to its root);
 * undefined when it keeps within the bound, else why not.
 */
export function probeFuzzedDegree(pattern: string, degree: number, attack: Recheck.AttackPattern): string | undefined {
  const length = Math.floor(Math.pow(MAX_STEPS, 1 / degree));
  const run = (unit: string, prefix = '', suffix = '\u0000') => (prefix + unit.repeat(Math.ceil(length / unit.length))).slice(0, length) + suffix;
  const texts = [...attack.pumps.filter((p) => p.pump !== '').map((p) => run(p.pump, p.prefix, attack.suffix)), ...UNITS.map((unit) => run(unit))];
  const result = spawnSync(process.execPath, ['-e', PROBE, JSON.stringify([pattern, texts])], { timeout: PROBE_TIMEOUT_MS });
  if (result.status === 0) return undefined;
  return `its backtracking grows faster than recheck's estimate of degree ${degree}: a text of ${length} characters took over ${PROBE_TIMEOUT_MS / 1000} s`;
}
