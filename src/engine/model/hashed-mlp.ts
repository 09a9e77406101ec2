import type { Lang } from '../../core/lang.js';
import { CATEGORIES, type Category } from '../../core/categories.js';
import { FEATURES, MAX_FEATURES, type FeatureBuffer } from './features.js';

/**
 * What the model scores: each category, and whether the message is a demand at all (any category).
 * The last output lets the stage veto a rule's finding on text that is no demand (news, reported
 * speech, a policy forbidding the practice) whatever category the rule named.
 */
export const OUTPUTS = [...CATEGORIES, 'demand'] as const;
export type Output = (typeof OUTPUTS)[number];
export const K = OUTPUTS.length;
export const DEMAND = K - 1;
/** Hidden units: 24 measured as well as 48 and 64 on the dev round (F1 within 0.01), at half the cost of 48. */
export const HIDDEN = 24;

/** How the model's scores and the rules' findings combine (chosen on the dev split by `npm run train`). */
export interface Thresholds {
  /** A rule's finding stands when the model gives its category at least this probability… */
  confirm: number;
  /** …or when the message's demand score (decision.ts, `demandScore`) reaches this. */
  demandConfirm: number;
  /** The model flags a category alone (no rule fired for it) at this probability or above… */
  solo: number;
  /** …or at this lower one in a message it judges a demand (the demand threshold above). */
  soloInDemand: number;
}

/** Thresholds per language of the message (see text-lang.ts): the rule packs differ, and so does their precision. */
export type LangThresholds = Record<Lang, Thresholds>;

export interface ModelData {
  /** One embedding row of HIDDEN int8 values per hashed feature, each row times its own scale. */
  embeddings: Int8Array;
  rowScales: Float32Array;
  /** The hidden layer's biases (HIDDEN), its weights to the outputs (HIDDEN × K, row per unit) and the outputs' biases (K). */
  hiddenBias: Float32Array;
  outWeights: Float32Array;
  outBias: Float32Array;
  thresholds: LangThresholds;
  /** Where the model came from (corpus digest, seed, epochs): shown by `npm run train` and the README. */
  meta: Record<string, string | number>;
}

export interface Cue {
  /** Span in the normalised text. */
  from: number;
  to: number;
  weight: number;
}

/**
 * A bag of hashed n-grams through one hidden layer: the message's rows of the embedding table are
 * summed (scaled by 1/√n), a ReLU layer mixes them, and a sigmoid per output scores it. The hidden
 * layer lets cues combine ("转发" before a demand, "we'll rank" beside "please share") where a
 * linear model can only add them up.
 */
/** Bytes of one feature's row as predict reads it: its scale (float32), then its HIDDEN int8 values (HIDDEN ≤ 28). */
const ROW = 32;

export class HashedMlp {
  private readonly pre = new Float64Array(HIDDEN);
  /**
   * The embeddings and their scales interleaved, a row per feature in 32 bytes: reading a message's
   * features costs one cache miss each instead of two (a scale and a row in separate tables).
   */
  private readonly rowBytes: Int8Array;
  private readonly rowScales: Float32Array;
  /** The scale and byte offset of each row of the message's features that predict sums. */
  private rowScale = new Float64Array(MAX_FEATURES);
  private rowAt = new Int32Array(MAX_FEATURES);

  constructor(readonly data: ModelData) {
    if (HIDDEN % 8 !== 0) throw new Error('predict sums hidden units eight at a time');
    if (data.embeddings.length !== FEATURES * HIDDEN || data.rowScales.length !== FEATURES) throw new Error('model tables do not match the feature count');
    const rows = new ArrayBuffer(FEATURES * ROW);
    this.rowBytes = new Int8Array(rows);
    this.rowScales = new Float32Array(rows);
    for (let f = 0; f < FEATURES; f++) {
      this.rowScales[(f * ROW) / 4] = data.rowScales[f];
      this.rowBytes.set(data.embeddings.subarray(f * HIDDEN, (f + 1) * HIDDEN), f * ROW + 4);
    }
  }

  /** Probabilities per output into `out` (length K). */
  predict(buf: FeatureBuffer, out: Float64Array): void {
    const { hiddenBias, outWeights: w, outBias } = this.data;
    const e = this.rowBytes;
    const scales = this.rowScales;
    const a = this.pre;
    const ids = buf.ids;
    // The rows' scales and offsets first, in a loop of independent loads: the processor fetches many
    // rows from memory at once, where the sums below would wait for each row in turn (a row is
    // rarely in the cache, the table being 4 MB).
    if (this.rowAt.length < buf.count) {
      this.rowScale = new Float64Array(buf.count);
      this.rowAt = new Int32Array(buf.count);
    }
    const rs = this.rowScale;
    const at = this.rowAt;
    let n = 0;
    for (let i = 0; i < buf.count; i++) {
      const f = ids[i];
      const r = scales[f * (ROW / 4)];
      if (r === 0) continue; // a feature never seen in training
      rs[n] = r;
      at[n++] = f * ROW + 4;
    }
    // Eight hidden units at a time, summed in local variables: V8 keeps those in registers, where a
    // loop over a[j] loads and stores every sum at every feature (3.5 times slower, measured).
    for (let j0 = 0; j0 < HIDDEN; j0 += 8) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0,
        s4 = 0,
        s5 = 0,
        s6 = 0,
        s7 = 0;
      for (let i = 0; i < n; i++) {
        const r = rs[i];
        const o = at[i] + j0;
        s0 += e[o] * r;
        s1 += e[o + 1] * r;
        s2 += e[o + 2] * r;
        s3 += e[o + 3] * r;
        s4 += e[o + 4] * r;
        s5 += e[o + 5] * r;
        s6 += e[o + 6] * r;
        s7 += e[o + 7] * r;
      }
      a[j0] = s0;
      a[j0 + 1] = s1;
      a[j0 + 2] = s2;
      a[j0 + 3] = s3;
      a[j0 + 4] = s4;
      a[j0 + 5] = s5;
      a[j0 + 6] = s6;
      a[j0 + 7] = s7;
    }
    const s = buf.count > 0 ? 1 / Math.sqrt(buf.count) : 0;
    for (let k = 0; k < K; k++) out[k] = outBias[k];
    for (let j = 0; j < HIDDEN; j++) {
      const h = a[j] * s + hiddenBias[j];
      if (h <= 0) continue;
      for (let k = 0; k < K; k++) out[k] += w[j * K + k] * h;
    }
    for (let k = 0; k < K; k++) out[k] = 1 / (1 + Math.exp(-out[k]));
  }

  /**
   * The strongest cues for output `k`. With the hidden units that are active for this message held
   * fixed, the output's logit is a sum over features, so each feature's share is exact: its
   * embedding row through the active units' weights to `k`. Largest first, one per span.
   */
  cues(buf: FeatureBuffer, k: number, top: number): Cue[] {
    const { embeddings: e, rowScales, hiddenBias, outWeights: w } = this.data;
    const n = buf.count;
    const s = n > 0 ? 1 / Math.sqrt(n) : 0;
    const a = new Float64Array(HIDDEN);
    for (let i = 0; i < n; i++) for (let j = 0; j < HIDDEN; j++) a[j] += e[buf.ids[i] * HIDDEN + j] * rowScales[buf.ids[i]];
    const through = new Float64Array(HIDDEN);
    for (let j = 0; j < HIDDEN; j++) through[j] = a[j] * s + hiddenBias[j] > 0 ? w[j * K + k] * s : 0;
    const all: Cue[] = [];
    for (let i = 0; i < n; i++) {
      const row = buf.ids[i] * HIDDEN;
      let c = 0;
      for (let j = 0; j < HIDDEN; j++) c += e[row + j] * through[j];
      c *= rowScales[buf.ids[i]];
      if (c > 0) all.push({ from: buf.from[i], to: buf.to[i], weight: c });
    }
    all.sort((x, y) => y.weight - x.weight || x.from - y.from);
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
