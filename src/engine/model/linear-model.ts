import { CATEGORIES, type Category } from '../../taxonomy/categories.js';
import { FEATURES, type FeatureBuffer } from './features.js';

/**
 * What the model scores: each category, and whether the message is a demand at all (any category).
 * The last output lets the stage veto a rule's finding on text that is no demand (news, reported
 * speech, a policy forbidding the practice) whatever category the rule named.
 */
export const OUTPUTS = [...CATEGORIES, 'demand'] as const;
export type Output = (typeof OUTPUTS)[number];
export const K = OUTPUTS.length;
export const DEMAND = K - 1;

/** How the model's scores and the rules' findings combine (chosen on the dev split by `npm run train`). */
export interface Thresholds {
  /** A rule's finding stands when the model gives its category at least this probability… */
  confirm: number;
  /** …or when the message is a demand with at least this probability. */
  demandConfirm: number;
  /** The model flags a category alone (no rule fired for it) at this probability or above… */
  solo: number;
  /** …or at this lower one in a message it judges a demand (the demand threshold above). */
  soloInDemand: number;
}

export interface ModelData {
  /** Weights as int8, feature-major (`FEATURES × K`), times `scales[k]` per output. */
  weights: Int8Array;
  scales: Float32Array;
  biases: Float32Array;
  thresholds: Thresholds;
  /** Where the model came from (corpus digest, seed, epochs): shown by `rules list` and the README. */
  meta: Record<string, string | number>;
}

export interface Cue {
  /** Span in the normalised text. */
  from: number;
  to: number;
  weight: number;
}

/** A multi-label logistic regression over hashed n-grams: a sum of weights per output, then a sigmoid. */
export class LinearModel {
  private readonly sums = new Float64Array(K);

  constructor(readonly data: ModelData) {
    if (data.weights.length !== FEATURES * K) throw new Error(`model weights: ${data.weights.length}, expected ${FEATURES * K}`);
  }

  /** Probabilities per output into `out` (length K). Features count once each, scaled by 1/√n. */
  predict(buf: FeatureBuffer, out: Float64Array): void {
    const { weights, scales, biases } = this.data;
    const s = this.sums;
    s.fill(0);
    const n = buf.count;
    for (let i = 0; i < n; i++) {
      const base = buf.ids[i] * K;
      for (let k = 0; k < K; k++) s[k] += weights[base + k];
    }
    const norm = n > 0 ? 1 / Math.sqrt(n) : 0;
    for (let k = 0; k < K; k++) out[k] = 1 / (1 + Math.exp(-(biases[k] + s[k] * scales[k] * norm)));
  }

  /**
   * The strongest cues for output `k`: features whose weight pushes toward it, largest first, one per
   * span (an n-gram and the characters inside it are not listed twice).
   */
  cues(buf: FeatureBuffer, k: number, top: number): Cue[] {
    const { weights, scales } = this.data;
    const norm = buf.count > 0 ? 1 / Math.sqrt(buf.count) : 0;
    const all: Cue[] = [];
    for (let i = 0; i < buf.count; i++) {
      const w = weights[buf.ids[i] * K + k] * scales[k] * norm;
      if (w > 0) all.push({ from: buf.from[i], to: buf.to[i], weight: w });
    }
    all.sort((a, b) => b.weight - a.weight || a.from - b.from);
    const picked: Cue[] = [];
    for (const c of all) {
      if (picked.some((p) => c.from < p.to && p.from < c.to)) continue;
      picked.push(c);
      if (picked.length === top) break;
    }
    return picked;
  }
}

export const outputIndex = (c: Category): number => CATEGORIES.indexOf(c);
