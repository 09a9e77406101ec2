import { DEMAND, type Thresholds } from './hashed-mlp.js';

// The one statement of how rules and model decide, read by the engine (combine.ts) and by the
// threshold search on the dev split (thresholds.ts), so the two can never drift apart.

/** Whether a rule's finding of category `k` stands: the model agrees on the category, or that it is a demand at all. */
export function ruleStands(probs: Float64Array, t: Thresholds, k: number): boolean {
  return probs[DEMAND] >= t.demandConfirm || probs[k] >= t.confirm;
}

/** Whether the model flags category `k` alone (no rule found it): confident, or less so in a message it judges a demand. */
export function flagsAlone(probs: Float64Array, t: Thresholds, k: number): boolean {
  const solo = probs[DEMAND] >= t.demandConfirm ? Math.min(t.solo, t.soloInDemand) : t.solo;
  return probs[k] >= solo;
}

/** Whether these thresholds ever let the model flag alone; when not, a message no rule matched need not be judged. */
export function canFlagAlone(t: Thresholds): boolean {
  return t.solo <= 1 || (t.soloInDemand <= 1 && t.demandConfirm <= 1);
}
