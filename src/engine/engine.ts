import type { Classification, Finding } from '../core/finding.js';
import { CATEGORIES, type Category } from '../core/categories.js';
import { Hits } from './aho-corasick.js';
import { compile, type Compiled, type CompiledCondition, type CompiledRule } from './compile.js';
import { normalizeInto, unitsToString, type Normalized } from './normalize.js';
import type { Rule, RuleSet } from './rule.js';
import { isWordUnit } from './term.js';
import { examinedPart } from './text-limit.js';
import { trimEvidence } from './evidence-span.js';
import { combine } from './model/combine.js';
import { canFlagAlone } from './model/decision.js';
import { addFeature, extractFeatures, newFeatureBuffer, signalFeature, type FeatureBuffer } from './model/features.js';
import type { Thresholds } from './model/hashed-mlp.js';
import { MIN_WORDS_ALONE, textShape } from './model/text-lang.js';
import { K, type HashedMlp } from './model/hashed-mlp.js';
import type { Lang } from '../core/lang.js';

/** Occurrences of one trigger tried per message, and of one regex collected: bounds pathological input. */
const MAX_TRIGGERS = 32;
const MAX_REGEX_HITS = 64;

const CATEGORY_BIT = Object.fromEntries(CATEGORIES.map((c, k) => [c, 1 << k])) as Record<Category, number>;
const ALL_CATEGORIES = (1 << CATEGORIES.length) - 1;
/** A finding the learned stage made alone (combine.ts names it `model/<category>`). */
const byModel = (f: Finding): boolean => f.rule.startsWith('model/');
// The sorted category list of every set of categories, computed once.
const SORTED_BY_MASK: Category[][] = Array.from({ length: 1 << CATEGORIES.length }, (_, m) => CATEGORIES.filter((c) => (m & CATEGORY_BIT[c]) !== 0).sort());

export interface ClassifyOptions {
  /** Rule ids switched off (a group admin's choice). */
  disabled?: ReadonlySet<string>;
}

/**
 * The rule engine: one scan of the normalised text finds every term of every rule, then only the
 * rules whose trigger fired check their conditions. Not re-entrant (buffers are reused), which is
 * fine on Node's single thread.
 */
export class Engine {
  readonly rules: readonly Rule[];
  private readonly c: Compiled;
  private readonly hits = new Hits();
  private gen = 0;
  private readonly setGen: Int32Array;
  /** Start/end pairs found this message per term set; `setLen` of them are valid (no array resizing). */
  private readonly setOcc: number[][];
  private readonly setLen: Int32Array;
  private readonly touched: number[] = [];
  private readonly regexGen: Int32Array;
  private readonly regexOcc: number[][];
  /** Matches of a polynomial regex in one slice of the text (see sliceMatches). */
  private readonly sliceOcc: number[] = [];
  private nz!: Normalized;
  private nzText: string | undefined;

  private readonly features = newFeatureBuffer();
  private readonly probs = new Float64Array(K);
  /** Term set id → the learned stage's feature for it occurring (-1: a set with no name). */
  private readonly setSignal: Int32Array;
  /** Rules the learned stage may not veto (`veto: false`). */
  private readonly unvetoed: ReadonlySet<string>;

  /** With a model, rules and model combine (model/combine.ts); without, the rules decide alone. */
  constructor(
    ruleSet: RuleSet,
    readonly model?: HashedMlp,
  ) {
    this.rules = ruleSet.rules;
    this.c = compile(ruleSet);
    this.setGen = new Int32Array(this.c.setCount);
    this.setOcc = Array.from({ length: this.c.setCount }, () => []);
    this.setLen = new Int32Array(this.c.setCount);
    this.regexGen = new Int32Array(this.c.regexes.length);
    this.regexOcc = this.c.regexes.map(() => []);
    this.setSignal = Int32Array.from(this.c.setNames, (name) => (name ? signalFeature(name) : -1));
    this.unvetoed = new Set(this.rules.filter((r) => !r.veto).map((r) => r.id));
  }

  classify(text: string, opts: ClassifyOptions = {}): Classification {
    const original = this.scan(text);
    const nz = this.nz;
    const findings: Finding[] = [];
    let silenced = 0;
    for (const set of this.touched) {
      for (const r of this.c.triggerRules[set]) {
        const span = this.evaluate(r);
        if (!span) continue;
        // A rule switched off also keeps the model from flagging alone what it would have flagged.
        if (opts.disabled?.has(r.rule.id)) {
          silenced |= CATEGORY_BIT[r.rule.category];
          continue;
        }
        const [from, to] = trimEvidence(original, nz.start[span[0]], nz.end[span[1] - 1]);
        findings.push({ rule: r.rule.id, category: r.rule.category, span: [from, to], match: original.slice(from, to) });
      }
    }
    // With nothing found by the rules and thresholds that never let the model flag alone, its answer
    // could change nothing: most messages are spared the model's cost.
    const shape = textShape(nz);
    const thresholds = this.model?.data.thresholds[shape.lang];
    if (shape.words < MIN_WORDS_ALONE) silenced = ALL_CATEGORIES;
    const mustJudge = thresholds && (findings.length > 0 || (canFlagAlone(thresholds) && silenced !== ALL_CATEGORIES));
    const judged = mustJudge ? this.judge(findings, original, silenced, opts.disabled, thresholds) : { findings, vetoed: [] };
    const out = judged.findings;
    if (out.length > 1) out.sort((a, b) => a.span[0] - b.span[0] || (a.rule < b.rule ? -1 : 1));
    let mask = 0;
    for (const f of out) mask |= CATEGORY_BIT[f.category];
    const result: Classification = { categories: SORTED_BY_MASK[mask].slice(), findings: out };
    if (judged.vetoed.length) result.vetoed = judged.vetoed;
    return result;
  }

  /**
   * The learned stage's input for `text`, as training and the threshold search read it (the same as
   * classify gives the model), the language whose thresholds apply, and whether a context that
   * silences the model occurs in it (classify then drops the model's own flags; the search must too).
   */
  modelInput(text: string, buf: FeatureBuffer): { lang: Lang; words: number; silenced: boolean } {
    this.scan(text);
    this.fillFeatures(buf);
    return { ...textShape(this.nz), silenced: this.silenced() };
  }

  /** Whether a context that silences the model (`silences_model`) occurs in the message scanned last. */
  private silenced(): boolean {
    return this.c.modelSilencers.some((cond) => this.find(cond, 0, 0));
  }

  /** Normalises the examined part of `text` and finds every term in it; returns that part. */
  private scan(text: string): string {
    const original = examinedPart(text);
    this.nz = normalizeInto(original);
    this.nzText = undefined;
    this.gen++;
    this.touched.length = 0;
    this.collectTermHits(this.nz);
    return original;
  }

  /** The scanned message's n-grams, and a feature for each named term set that occurred, read at its first occurrence. */
  private fillFeatures(buf: FeatureBuffer): void {
    extractFeatures(this.nz, buf);
    for (const set of this.touched) {
      const id = this.setSignal[set];
      if (id !== -1) addFeature(buf, id, this.setOcc[set][0], this.setOcc[set][1]);
    }
  }

  /** The learned stage over the same normalised text the rules read. */
  private judge(findings: Finding[], original: string, silenced: number, disabled: ReadonlySet<string> | undefined, thresholds: Thresholds) {
    const model = this.model!;
    this.fillFeatures(this.features);
    model.predict(this.features, this.probs);
    // `model/<category>` switched off silences the model's own flags for that category.
    if (disabled?.size) for (const c of CATEGORIES) if (disabled.has(`model/${c}`)) silenced |= CATEGORY_BIT[c];
    const combined = combine(findings, this.probs, thresholds, { model, buf: this.features, nz: this.nz, text: original }, silenced, this.unvetoed);
    // Looked for only where the model flags alone, which few messages draw: most never run these patterns.
    if (combined.findings.some(byModel) && this.silenced()) {
      combined.findings = combined.findings.filter((f) => !byModel(f));
    }
    return combined;
  }

  private collectTermHits(nz: Normalized): void {
    const { units, length } = nz;
    const hits = this.hits;
    hits.count = 0;
    this.c.automaton.scan(units, length, hits);
    const { lengths, useStart, useSet, useFlags } = this.c;
    for (let h = 0; h < hits.count; h++) {
      const pattern = hits.pattern[h];
      const end = hits.end[h];
      const start = end - lengths[pattern];
      const leftWord = start > 0 && isWordUnit(units[start - 1]);
      const rightWord = end < length && isWordUnit(units[end]);
      for (let u = useStart[pattern]; u < useStart[pattern + 1]; u++) {
        const flags = useFlags[u];
        if ((flags & 1 && leftWord) || (flags & 2 && rightWord)) continue;
        const set = useSet[u];
        if (this.setGen[set] !== this.gen) {
          this.setGen[set] = this.gen;
          this.setLen[set] = 0;
          this.touched.push(set);
        }
        const occ = this.setOcc[set];
        const n = this.setLen[set];
        occ[n] = start;
        occ[n + 1] = end;
        this.setLen[set] = n + 2;
      }
    }
  }

  /** Start/end pairs of a regex's matches in the normalised text, computed once per message. */
  private regexMatches(id: number): number[] {
    const occ = this.regexOcc[id];
    if (this.regexGen[id] === this.gen) return occ;
    this.regexGen[id] = this.gen;
    occ.length = 0;
    if (this.gated(id)) return occ;
    this.nzText ??= unitsToString(this.nz);
    this.collect(id, this.nzText, 0, occ);
    return occ;
  }

  /**
   * A polynomial regex's matches around one trigger occurrence: run on the trigger, the condition's
   * window either side and the regex's reach beyond it only, so that its backtracking is bounded by
   * that slice however long the message (polynomial-window.ts). Offsets are in the whole text.
   */
  private sliceMatches(id: number, cond: CompiledCondition, ts: number, te: number): number[] {
    const occ = this.sliceOcc;
    occ.length = 0;
    if (this.gated(id)) return occ;
    const reach = (cond.within ?? cond.before ?? cond.after ?? 0) + this.c.regexReach[id];
    const from = Math.max(0, ts - reach);
    this.nzText ??= unitsToString(this.nz);
    this.collect(id, this.nzText.slice(from, te + reach), from, occ);
    return occ;
  }

  /** Whether none of the literals every match of the regex contains occurred: it need not run. */
  private gated(id: number): boolean {
    const gate = this.c.regexGate[id];
    return gate !== -1 && this.setGen[gate] !== this.gen;
  }

  /** Appends the regex's matches in `text` to `occ` as start/end pairs, `offset` added. */
  private collect(id: number, text: string, offset: number, occ: number[]): void {
    const re = this.c.regexes[id];
    re.lastIndex = 0;
    for (let m = re.exec(text); m && occ.length < MAX_REGEX_HITS * 2; m = re.exec(text)) {
      occ.push(offset + m.index, offset + m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  }

  // The occurrence `find` chose, kept in fields so the hot path allocates nothing.
  private foundStart = 0;
  private foundEnd = 0;

  /** Whether a condition occurs where its proximity allows; the nearest occurrence lands in found*. */
  private find(cond: CompiledCondition, ts: number, te: number): boolean {
    if (cond.unless?.some((u) => this.find(u, ts, te))) return false;
    let bestGap = Infinity;
    for (const set of cond.sets) {
      if (this.setGen[set] === this.gen) bestGap = this.nearest(cond, this.setOcc[set], this.setLen[set], ts, te, bestGap);
      if (bestGap === 0) return true;
    }
    for (const id of cond.regexes) {
      const occ = this.c.regexReach[id] === -1 ? this.regexMatches(id) : this.sliceMatches(id, cond, ts, te);
      bestGap = this.nearest(cond, occ, occ.length, ts, te, bestGap);
      if (bestGap === 0) return true;
    }
    return bestGap !== Infinity;
  }

  private nearest(cond: CompiledCondition, occ: number[], len: number, ts: number, te: number, bestGap: number): number {
    for (let i = 0; i < len; i += 2) {
      const s = occ[i];
      const e = occ[i + 1];
      const gap = Math.max(0, s - te, ts - e);
      if (gap >= bestGap) continue;
      if (cond.within !== undefined && gap > cond.within) continue;
      if (cond.before !== undefined && !(s < ts && gap <= cond.before)) continue;
      if (cond.after !== undefined && !(e > te && gap <= cond.after)) continue;
      bestGap = gap;
      this.foundStart = s;
      this.foundEnd = e;
      if (gap === 0) break;
    }
    return bestGap;
  }

  /**
   * The evidence span (normalised offsets) of the first trigger occurrence that satisfies the rule.
   * `all` is checked before `none`: most candidates fail on a cheap term lookup before any regex runs.
   */
  private evaluate(r: CompiledRule): [number, number] | undefined {
    const occ = this.setOcc[r.trigger];
    const n = Math.min(this.setLen[r.trigger], MAX_TRIGGERS * 2);
    outer: for (let i = 0; i < n; i += 2) {
      const ts = occ[i];
      const te = occ[i + 1];
      let from = ts;
      let to = te;
      for (const cond of r.all) {
        if (!this.find(cond, ts, te)) continue outer;
        // Only conditions tied to the trigger widen the evidence; "anywhere" ones would make it the whole text.
        if (cond.within !== undefined || cond.before !== undefined || cond.after !== undefined) {
          if (this.foundStart < from) from = this.foundStart;
          if (this.foundEnd > to) to = this.foundEnd;
        }
      }
      for (const cond of r.none) if (this.find(cond, ts, te)) continue outer;
      return [from, to];
    }
    return undefined;
  }
}
