import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cacheFile, readCache, writeCache } from './disk-cache.js';
import { patternAttack } from './pattern-attack.js';
import type { Attack } from './regex-safety.js';

/** A probe that runs longer than this backtracks more than its use can bear. */
export const PROBE_TIMEOUT_MS = 5_000;
/**
 * Beside it, the time each text may take when the pattern runs through it linearly (1 ms a 64 Ki units,
 * where a linear scan takes 0.1–0.4): a pattern over a list of hundreds of words is tried on thousands
 * of texts (pattern-attack.ts), and their sum alone must not look like backtracking.
 */
const LINEAR_MS_PER_UNIT = 1 / 65_536;

/** A custom pattern to try out on texts as long as its use can see, with recheck's attack if it found one. */
export interface Probe {
  pattern: string;
  length: number;
  attack?: Attack;
}

// Run in a process of its own, which the timeout kills: a regular expression cannot be interrupted.
// It reads the probes on stdin and says on a line each which are done, so a batch cut short shows
// where. Its texts are each attack's pumps repeated to the probe's length, after their prefix and
// before the attack's suffix: recheck's attack, and the pattern's own (pattern-attack.ts).
const PROBE = `
const run = (length, { prefix, pump }, suffix) => (prefix + pump.repeat(Math.ceil(length / pump.length))).slice(0, length) + suffix;
const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
probes.forEach(({ pattern, length, attacks }, i) => {
  const re = new RegExp(pattern, 'gu');
  for (const { pumps, suffix } of attacks) {
    for (const pump of pumps.filter((p) => p.pump !== '')) {
      const text = run(length, pump, suffix);
      re.lastIndex = 0;
      // Past an empty match, as the engine goes ($ or a lookaround matches nothing, and exec would stay put).
      for (let m; (m = re.exec(text)) !== null; ) if (m[0] === '') re.lastIndex++;
    }
  }
  process.stdout.write(i + '\\n');
});`;

/** Runs `batch` in one process for at most PROBE_TIMEOUT_MS and its texts' linear time; returns how many of them finished. */
function runBatch(batch: Probe[]): number {
  const input = batch.map(({ pattern, length, attack }) => ({ pattern, length, attacks: [...(attack ? [attack] : []), patternAttack(pattern)] }));
  const units = input.reduce((sum, { length, attacks }) => sum + length * attacks.reduce((n, a) => n + a.pumps.length, 0), 0);
  const timeout = PROBE_TIMEOUT_MS + Math.ceil(units * LINEAR_MS_PER_UNIT);
  const child = spawnSync(process.execPath, ['-e', PROBE], { input: JSON.stringify(input), timeout, encoding: 'utf8' });
  if (child.error && (child.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw new Error(`cannot try out custom patterns: ${child.error.message}`);
  return child.status === 0 ? batch.length : (child.stdout ?? '').split('\n').filter((l) => l !== '').length;
}

/**
 * Which probes run past PROBE_TIMEOUT_MS: recheck rates some patterns safe or low-degree that still
 * backtrack for minutes (`(?:\w|\d){1,20}z` on 2,000 digits), so custom patterns are tried out before
 * they are trusted. All run in one process, one after another, within one limit; when the limit cuts
 * a batch, the probe it cut is tried again alone (unless it was first, and so had the whole limit),
 * and the rest go on. A probe that passed is remembered on disk: a deployment pays for it once.
 */
export function slowProbes(probes: readonly Probe[]): Set<Probe> {
  const passed = loadPassed();
  const slow = new Set<Probe>();
  let left = probes.filter((p) => !passed.has(keyOf(p)));
  const before = left.length;
  while (left.length > 0) {
    const done = runBatch(left);
    left.slice(0, done).forEach((p) => passed.add(keyOf(p)));
    if (done === left.length) break;
    const cut = left[done];
    if (done === 0 || runBatch([cut]) === 0) slow.add(cut);
    else passed.add(keyOf(cut));
    left = left.slice(done + 1);
  }
  if (before > 0) writeCache(CACHE_FILE, [...passed]);
  return slow;
}

const keyOf = (p: Probe): string => createHash('sha256').update(`${p.length}\u0000${p.pattern}`).digest('hex');

// Beside recheck's verdicts; the Node version is in the name, as its regular expression engine decides the time.
// "v3": the texts also lead up to the pattern's repetitions; a pass on v2's runs says nothing of 请填报(?:[，,]|\p{P}){1,22}x.
// "v4": every repetition is led up to, with all its units; v3 tried four leads and eight units.
const CACHE_FILE = cacheFile(`regex-probe-v4-node-${process.versions.node}.json`);
function loadPassed(): Set<string> {
  const cached = readCache(CACHE_FILE);
  return new Set(Array.isArray(cached) ? (cached as string[]) : []);
}
