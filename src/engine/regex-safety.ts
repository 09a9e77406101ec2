import { createRequire } from 'node:module';
import type * as Recheck from 'recheck';
import { cacheFile, readCache, writeCache } from './disk-cache.js';

export type Safety = 'linear' | 'polynomial' | 'unsafe';
/** Texts that drive a pattern's backtracking, as recheck found them: each pump repeated after its prefix, then the suffix. */
export interface Attack {
  pumps: { prefix: string; pump: string }[];
  suffix: string;
}
/**
 * `degree`, for a polynomial pattern: its matching time grows as the text's length to this power.
 * `fuzzed`: recheck estimated that degree by fuzzing rather than proved it (the load probe also tries this attack).
 */
type Verdict = { safety: Safety; why: string; degree?: number; fuzzed?: Attack };

const require = createRequire(import.meta.url);
const RECHECK_VERSION = (require('recheck/package.json') as { version: string }).version;
/**
 * recheck is loaded on the first pattern the cache does not know: its 4 MB of bundled code would
 * otherwise stay in every bot's heap (V8 then lets the heap grow to a multiple of it) for nothing.
 */
let recheck: typeof Recheck | undefined;

/**
 * recheck's verdict depends only on the pattern (and recheck's version), and takes tens of
 * milliseconds each; kept on disk so every start still checks every pattern without paying for it.
 */
// "v4": verdicts say when recheck only estimated a degree by fuzzing, and keep its attack for the probe.
const CACHE_FILE = cacheFile(`regex-safety-v4-recheck-${RECHECK_VERSION}.json`);
let cache: Map<string, Verdict> | undefined;

function loadCache(): Map<string, Verdict> {
  cache ??= new Map(Object.entries((readCache(CACHE_FILE) ?? {}) as Record<string, Verdict>));
  return cache;
}

const UNPROVEN = 'its backtracking could not be proven safe';

/**
 * recheck's own timeout holds while its checker answers; a checker that dies on a pattern (its native
 * agent overflowed its stack on `(a|b\1)+c` and never replied) would leave checkSync waiting forever.
 * synckit, which runs checkSync, reads this bound when recheck first loads it.
 */
const HARD_TIMEOUT_MS = 30_000;

function analyse(pattern: string): Verdict {
  if (!recheck) {
    process.env.SYNCKIT_TIMEOUT ??= String(HARD_TIMEOUT_MS);
    recheck = require('recheck') as typeof Recheck;
  }
  let result: Recheck.Diagnostics;
  try {
    // Generous: a loaded machine must not turn a safe pattern into "could not be proven" (not cached).
    result = recheck.checkSync(pattern, 'u', { timeout: 10_000 });
  } catch {
    return { safety: 'unsafe', why: UNPROVEN };
  }
  if (result.status === 'safe') return { safety: 'linear', why: 'linear' };
  if (result.status === 'vulnerable' && result.complexity.type === 'polynomial') {
    const { degree } = result.complexity;
    const why = `polynomial backtracking (degree ${degree}), e.g. on ${JSON.stringify(result.attack.string.slice(0, 40))}`;
    if (!result.complexity.isFuzz) return { safety: 'polynomial', degree, why };
    const { pumps, suffix } = result.attack;
    return { safety: 'polynomial', degree, why, fuzzed: { pumps: pumps.map(({ prefix, pump }) => ({ prefix, pump })), suffix } };
  }
  if (result.status === 'vulnerable') {
    return { safety: 'unsafe', why: `catastrophic (exponential) backtracking, e.g. on ${JSON.stringify(result.attack.string.slice(0, 40))}` };
  }
  return { safety: 'unsafe', why: UNPROVEN };
}

/**
 * Static ReDoS analysis with recheck: exponential (or unknown) backtracking is never allowed;
 * polynomial only where the rule confines the pattern to a short window around its trigger
 * (polynomial-window.ts).
 */
export function regexSafety(pattern: string): Verdict {
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return { safety: 'unsafe', why: `invalid regular expression: ${(err as Error).message}` };
  }
  // A backreference makes matching time unbounded by any analysis, and it crashed recheck's checker.
  if (/\\[1-9]|\\k</u.test(pattern.replace(/\\\\/gu, ''))) return { safety: 'unsafe', why: 'backreferences (\\1, \\k<name>) are not allowed' };
  const known = loadCache();
  let verdict = known.get(pattern);
  if (!verdict) {
    verdict = analyse(pattern);
    // "Could not be proven" may be a timeout on a loaded machine: not worth remembering.
    if (verdict.why !== UNPROVEN) {
      known.set(pattern, verdict);
      writeCache(CACHE_FILE, Object.fromEntries(known));
    }
  }
  return verdict;
}
