import { countScore, evaluate, type Scores } from '../../eval/metrics.js';
import { CATEGORIES, type Category } from '../../core/categories.js';
import { demandScore, flagsAlone, ruleStands } from './decision.js';
import type { Thresholds } from './hashed-mlp.js';
import type { Lang } from '../../core/lang.js';

/** One dev-split line as the threshold search sees it: what rules found, what the model scored. */
export interface Judged {
  id: string;
  expected: readonly Category[];
  /** Bit k set when a rule found CATEGORIES[k]. */
  ruled: number;
  probs: Float64Array;
  /** Which language's thresholds judge it. */
  lang: Lang;
  /** Too few words for the model to flag it alone (text-lang.ts). */
  short?: boolean;
  /** A context that silences the model occurs in it (`silences_model`): the model flags nothing alone there either. */
  silenced?: boolean;
}

/** The categories rules and model give together under `t` (decision.ts, as the engine decides, without spans). */
export function decide(j: Judged, t: Thresholds): Category[] {
  const mask = decideMask(j, demandScore(j.probs), t);
  return CATEGORIES.filter((_, k) => mask & (1 << k));
}

/** The same as a bit mask (bit k: CATEGORIES[k]), given the line's demandScore. */
function decideMask(j: Judged, demand: number, t: Thresholds): number {
  let mask = 0;
  for (let k = 0; k < CATEGORIES.length; k++)
    if (j.ruled & (1 << k) ? ruleStands(j.probs, demand, t, k) : !j.short && !j.silenced && flagsAlone(j.probs, demand, t, k)) mask |= 1 << k;
  return mask;
}

export function scoreWith(judged: readonly Judged[], t: Thresholds): Scores {
  return evaluate(judged.map((j) => ({ id: j.id, expected: [...j.expected], actual: decide(j, t) })));
}

const grid = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += step) out.push(Math.round(x * 100) / 100);
  return out;
};

/** Every setting the search tries, in the order it tries them; 1.01 switches a threshold off. */
export const THRESHOLD_GRID: readonly Thresholds[] = (() => {
  const out: Thresholds[] = [];
  for (const confirm of [...grid(0.05, 0.8, 0.05), 1.01])
    for (const demandConfirm of [...grid(0.1, 0.9, 0.05), 1.01])
      for (const solo of [...grid(0.5, 0.95, 0.05), 1.01])
        for (const soloInDemand of [...grid(0.2, 0.9, 0.1), 1.01]) if (soloInDemand <= solo) out.push({ confirm, demandConfirm, solo, soloInDemand }); // above solo it is the same as solo
  return out;
})();

/**
 * The false-flag bound per language. On real text the model finds fewer demands than on written lines,
 * and flags non-demands at about the rate it is held to on unseen written ones: a little more in
 * Chinese, less in English. Each language's bound spends on recall what the project allows real false
 * flags (5 %): the widest of 3, 3.5, 4 and 5 % that stays within it on the real batches the bounds are
 * chosen on (rules/README.md), re-checked whenever the lines that choose thresholds change. On the
 * rebuilt set (eighteen batches a language) 5 % in Chinese stays within the allowance but gains less
 * F1 than one batch moves it and flags more of the dev split, so Chinese keeps 4 % (checked again
 * when the corpus gained the pieces cut from its notices, and again with the rounds written as
 * whole documents: the same).
 */
export const FALSE_FLAG_BOUND: Readonly<Record<Lang, number>> = { zh: 0.04, en: 0.05 };

/**
 * The thresholds with the best micro-F1 on unseen lines among those flagging at most `maxFalse` of
 * their non-demands (ties: fewer false flags, then the stricter solo threshold). Four numbers for
 * all categories, not per category: 28 would fit the pool's writers rather than the language.
 */
export function chooseThresholds(judged: readonly Judged[], maxFalse: number): { thresholds: Thresholds; scores: Scores } {
  const n = judged.length;
  const expected = Int32Array.from(judged, (j) => j.expected.reduce((m, c) => m | (1 << CATEGORIES.indexOf(c)), 0));
  const demand = Float64Array.from(judged, (j) => demandScore(j.probs));
  const negatives = expected.reduce((a, m) => a + (m === 0 ? 1 : 0), 0);
  let best: { t: Thresholds; f1: number; falseRate: number } | undefined;
  for (const t of THRESHOLD_GRID) {
    // Counts only, each line's categories as a bit mask: scoreWith on every setting took minutes.
    let tp = 0,
      fp = 0,
      fn = 0,
      flagged = 0;
    for (let i = 0; i < n; i++) {
      const actual = decideMask(judged[i], demand[i], t);
      tp += BITS[actual & expected[i]];
      fp += BITS[actual & ~expected[i]];
      fn += BITS[expected[i] & ~actual];
      if (expected[i] === 0 && actual !== 0) flagged++;
    }
    const falseRate = negatives ? flagged / negatives : 0;
    if (falseRate > maxFalse) continue;
    const f1 = countScore(tp, fp, fn).f1;
    const better =
      !best ||
      f1 > best.f1 + 1e-9 ||
      (Math.abs(f1 - best.f1) <= 1e-9 && (falseRate < best.falseRate || (falseRate === best.falseRate && t.solo > best.t.solo)));
    if (better) best = { t, f1, falseRate };
  }
  // Vetoing every finding and flagging nothing alone (all thresholds 1.01) meets any bound, so a choice always exists.
  return { thresholds: best!.t, scores: scoreWith(judged, best!.t) };
}

/** Set bits of each 7-bit category mask. */
const BITS = Uint8Array.from({ length: 1 << CATEGORIES.length }, (_, m) => [...m.toString(2)].filter((b) => b === '1').length);
