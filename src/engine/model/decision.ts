import { DEMAND, type Thresholds } from './hashed-mlp.js';

// The one statement of how rules and model decide, read by the engine (combine.ts) and by the
// threshold search on unseen lines (thresholds.ts), so the two can never drift apart.

/**
 * How sure the model is that a message is a demand at all. Two of its outputs estimate that: the
 * demand output, and the strongest category (a message that demands any category is a demand). On
 * text unlike the corpus they often disagree, and their mean separates real demands better than
 * either alone (rules/README.md).
 */
export function demandScore(probs: Float64Array): number {
  let strongest = 0;
  for (let k = 0; k < DEMAND; k++) if (probs[k] > strongest) strongest = probs[k];
  return (probs[DEMAND] + strongest) / 2;
}

// Both take the message's demandScore, computed once per message by the caller.

/** Whether a rule's finding of category `k` stands: the model agrees on the category, or that it is a demand at all. */
export function ruleStands(probs: Float64Array, demand: number, t: Thresholds, k: number): boolean {
  return demand >= t.demandConfirm || probs[k] >= t.confirm;
}

/** Whether the model flags category `k` alone (no rule found it): confident, or less so in a message it judges a demand. */
export function flagsAlone(probs: Float64Array, demand: number, t: Thresholds, k: number): boolean {
  const solo = demand >= t.demandConfirm ? Math.min(t.solo, t.soloInDemand) : t.solo;
  return probs[k] >= solo;
}

/** Whether these thresholds ever let the model flag alone; when not, a message no rule matched need not be judged. */
export function canFlagAlone(t: Thresholds): boolean {
  return t.solo <= 1 || (t.soloInDemand <= 1 && t.demandConfirm <= 1);
}
