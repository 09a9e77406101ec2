import { checkSync } from 'recheck';

/** Patterns confined to a window this small may be polynomial: the window bounds their cost. */
export const MAX_WINDOW_FOR_POLYNOMIAL = 200;

export type Safety = 'linear' | 'polynomial' | 'unsafe';

const cache = new Map<string, { safety: Safety; why: string }>();

/**
 * Static ReDoS analysis with recheck: exponential (or unknown) backtracking is never allowed;
 * polynomial only where the rule confines the pattern to a short window around its trigger.
 */
export function regexSafety(pattern: string): { safety: Safety; why: string } {
  let hit = cache.get(pattern);
  if (hit) return hit;
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return { safety: 'unsafe', why: `invalid regular expression: ${(err as Error).message}` };
  }
  const result = checkSync(pattern, 'u', { timeout: 2000 });
  if (result.status === 'safe') hit = { safety: 'linear', why: 'linear' };
  else if (result.status === 'vulnerable' && result.complexity.type === 'polynomial') {
    hit = { safety: 'polynomial', why: `polynomial backtracking (degree ${result.complexity.degree}), e.g. on ${JSON.stringify(result.attack.string.slice(0, 40))}` };
  } else if (result.status === 'vulnerable') {
    hit = { safety: 'unsafe', why: `catastrophic (exponential) backtracking, e.g. on ${JSON.stringify(result.attack.string.slice(0, 40))}` };
  } else hit = { safety: 'unsafe', why: 'its backtracking could not be proven safe' };
  cache.set(pattern, hit);
  return hit;
}
