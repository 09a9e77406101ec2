import { CATEGORIES, type Category } from '../../taxonomy/categories.js';
import { normalizeInto } from '../normalize.js';
import { extractFeatures, FEATURES, newFeatureBuffer } from './features.js';
import { DEMAND, K } from './linear-model.js';

export interface Example {
  text: string;
  labels: readonly Category[];
}

export interface TrainOptions {
  seed: number;
  epochs: number;
  /** AdaGrad's step size. */
  rate: number;
  /** L2 pull toward zero on the weights an example touches. */
  l2: number;
}

export const DEFAULT_TRAIN: TrainOptions = { seed: 20261205, epochs: 12, rate: 0.3, l2: 1e-5 };

export interface Trained {
  weights: Float32Array;
  biases: Float64Array;
}

/** A message's hashed features, copied out of the shared buffer. */
export function featureIds(text: string): Int32Array {
  const buf = newFeatureBuffer();
  extractFeatures(normalizeInto(text), buf);
  return buf.ids.slice(0, buf.count);
}

/** mulberry32: a small seeded generator, so the same corpus and seed give the same model. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The K targets of one example: its categories, and 1 in the last place for any demand. */
function targets(labels: readonly Category[]): Uint8Array {
  const y = new Uint8Array(K);
  for (const c of labels) y[CATEGORIES.indexOf(c)] = 1;
  y[DEMAND] = labels.length > 0 ? 1 : 0;
  return y;
}

/**
 * One-vs-rest logistic regression by AdaGrad over shuffled examples. Positives of a rare output
 * weigh more (√(negatives/positives), at most 4), so a category with few lines is still learned.
 */
export function train(examples: readonly Example[], opts: TrainOptions = DEFAULT_TRAIN): Trained {
  const xs = examples.map((e) => featureIds(e.text));
  const ys = examples.map((e) => targets(e.labels));
  const pos = new Float64Array(K);
  for (const y of ys) for (let k = 0; k < K; k++) pos[k] += y[k];
  const posWeight = Array.from(pos, (p) => (p === 0 ? 1 : Math.min(4, Math.max(1, Math.sqrt((examples.length - p) / p)))));

  const w = new Float32Array(FEATURES * K);
  const g2 = new Float32Array(FEATURES * K);
  const b = new Float64Array(K);
  const bg2 = new Float64Array(K);
  const order = Array.from(examples, (_, i) => i);
  const rand = seeded(opts.seed);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const x = xs[idx];
      const y = ys[idx];
      const norm = x.length > 0 ? 1 / Math.sqrt(x.length) : 0;
      z.set(b);
      for (let i = 0; i < x.length; i++) {
        const base = x[i] * K;
        for (let k = 0; k < K; k++) z[k] += w[base + k] * norm;
      }
      for (let k = 0; k < K; k++) {
        const p = 1 / (1 + Math.exp(-z[k]));
        const g = (p - y[k]) * (y[k] ? posWeight[k] : 1);
        bg2[k] += g * g;
        b[k] -= (opts.rate * g) / Math.sqrt(bg2[k] + 1e-8);
        for (let i = 0; i < x.length; i++) {
          const at = x[i] * K + k;
          const gi = g * norm + opts.l2 * w[at];
          g2[at] += gi * gi;
          w[at] -= (opts.rate * gi) / Math.sqrt(g2[at] + 1e-8);
        }
      }
    }
  }
  return { weights: w, biases: b };
}

/**
 * int8 weights with one scale per output. The scale comes from the 99.9th percentile of the
 * output's non-zero weights rather than the largest, so a few extreme weights (clipped) do not
 * round every ordinary one to zero.
 */
export function quantize(t: Trained): { weights: Int8Array; scales: Float32Array; biases: Float32Array } {
  const scales = new Float32Array(K);
  for (let k = 0; k < K; k++) {
    const mags: number[] = [];
    for (let f = 0; f < FEATURES; f++) {
      const v = Math.abs(t.weights[f * K + k]);
      if (v > 0) mags.push(v);
    }
    mags.sort((a, b) => a - b);
    const hi = mags.length ? mags[Math.min(mags.length - 1, Math.floor(mags.length * 0.999))] : 1;
    scales[k] = hi / 127;
  }
  const q = new Int8Array(FEATURES * K);
  for (let i = 0; i < q.length; i++) {
    const v = Math.round(t.weights[i] / scales[i % K]);
    q[i] = v > 127 ? 127 : v < -127 ? -127 : v;
  }
  return { weights: q, scales, biases: Float32Array.from(t.biases) };
}
