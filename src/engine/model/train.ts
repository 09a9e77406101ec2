import { CATEGORIES, type Category } from '../../core/categories.js';
import type { Engine } from '../engine.js';
import { FEATURES, newFeatureBuffer } from './features.js';
import { DEMAND, HIDDEN, K, type ModelData } from './hashed-mlp.js';

export interface Example {
  text: string;
  labels: readonly Category[];
}

export interface TrainOptions {
  seed: number;
  epochs: number;
  /** SGD's step size at the first epoch; it falls linearly to zero by the last. */
  rate: number;
}

export const DEFAULT_TRAIN: TrainOptions = { seed: 20261205, epochs: 10, rate: 0.05 };

/** The trained network in floats, before quantisation. */
export interface Trained {
  embeddings: Float32Array;
  hiddenBias: Float32Array;
  outWeights: Float32Array;
  outBias: Float32Array;
}

const shared = newFeatureBuffer();

/** A message's features as `input` gives them to the model, copied out of a buffer shared by every call. */
function featureIds(input: Engine, text: string): Int32Array {
  const buf = shared;
  input.modelInput(text, buf);
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

/** A positive's loss counts twice: each category has far fewer positives than negatives. */
const POSITIVE_WEIGHT = 2;
/** Embedding rows learn faster than the small layers: each row is touched by few examples. */
const EMBEDDING_RATE = 4;

/**
 * The network of hashed-mlp.ts trained by plain SGD with a falling step, examples shuffled by a
 * seeded generator, so the same corpus and seed give the same model. Rows of features that no
 * training line holds are zeroed at the end: at prediction an unseen n-gram then adds nothing
 * instead of its random start. `input` is the rules-only engine that gives each line's features as
 * the engine gives them at prediction (n-grams and rule signals).
 */
export function train(examples: readonly Example[], input: Engine, opts: TrainOptions = DEFAULT_TRAIN): Trained {
  const xs = examples.map((e) => featureIds(input, e.text));
  const ys = examples.map((e) => targets(e.labels));
  const rand = seeded(opts.seed);
  const E = new Float32Array(FEATURES * HIDDEN).map(() => (rand() - 0.5) * 0.1);
  const b1 = new Float32Array(HIDDEN);
  const W = new Float32Array(HIDDEN * K).map(() => (rand() - 0.5) * 0.3);
  const b2 = new Float32Array(K);
  const a = new Float64Array(HIDDEN);
  const h = new Float64Array(HIDDEN);
  const gh = new Float64Array(HIDDEN);
  const order = Array.from(examples, (_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = opts.rate * (1 - epoch / opts.epochs);
    for (const idx of order) {
      const x = xs[idx];
      const y = ys[idx];
      const s = x.length > 0 ? 1 / Math.sqrt(x.length) : 0;
      a.fill(0);
      for (let i = 0; i < x.length; i++) {
        const row = x[i] * HIDDEN;
        for (let j = 0; j < HIDDEN; j++) a[j] += E[row + j];
      }
      for (let j = 0; j < HIDDEN; j++) {
        a[j] = a[j] * s + b1[j];
        h[j] = a[j] > 0 ? a[j] : 0;
      }
      gh.fill(0);
      for (let k = 0; k < K; k++) {
        let z = b2[k];
        for (let j = 0; j < HIDDEN; j++) z += W[j * K + k] * h[j];
        const g = (1 / (1 + Math.exp(-z)) - y[k]) * (y[k] ? POSITIVE_WEIGHT : 1);
        b2[k] -= rate * g;
        for (let j = 0; j < HIDDEN; j++) {
          gh[j] += g * W[j * K + k];
          W[j * K + k] -= rate * g * h[j];
        }
      }
      for (let j = 0; j < HIDDEN; j++) {
        if (a[j] <= 0) gh[j] = 0;
        b1[j] -= rate * gh[j];
      }
      const step = rate * EMBEDDING_RATE * s;
      for (let i = 0; i < x.length; i++) {
        const row = x[i] * HIDDEN;
        for (let j = 0; j < HIDDEN; j++) E[row + j] -= step * gh[j];
      }
    }
  }
  const seen = new Uint8Array(FEATURES);
  for (const x of xs) for (const f of x) seen[f] = 1;
  for (let f = 0; f < FEATURES; f++) if (!seen[f]) E.fill(0, f * HIDDEN, (f + 1) * HIDDEN);
  return { embeddings: E, hiddenBias: b1, outWeights: W, outBias: b2 };
}

/**
 * int8 embeddings, each row with its own scale (its largest value over 127): rows differ by orders
 * of magnitude, and one scale for the table rounded the rows of rare features to nothing.
 */
export function quantize(t: Trained): Pick<ModelData, 'embeddings' | 'rowScales' | 'hiddenBias' | 'outWeights' | 'outBias'> {
  const q = new Int8Array(t.embeddings.length);
  const rowScales = new Float32Array(FEATURES);
  for (let f = 0; f < FEATURES; f++) {
    let max = 0;
    for (let j = 0; j < HIDDEN; j++) max = Math.max(max, Math.abs(t.embeddings[f * HIDDEN + j]));
    if (max === 0) continue;
    const r = (rowScales[f] = Math.fround(max / 127));
    for (let j = 0; j < HIDDEN; j++) q[f * HIDDEN + j] = Math.round(t.embeddings[f * HIDDEN + j] / r);
  }
  return { embeddings: q, rowScales, hiddenBias: t.hiddenBias, outWeights: t.outWeights, outBias: t.outBias };
}
