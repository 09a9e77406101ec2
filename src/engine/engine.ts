import type { Classification, Finding } from './finding.js';
import type { Category } from '../taxonomy/categories.js';
import { Hits } from './aho-corasick.js';
import { compile, type Compiled, type CompiledCondition, type CompiledRule } from './compile.js';
import { normalizeInto, type Normalized } from './normalize.js';
import type { Rule, RuleSet } from './rule.js';
import { isWordUnit } from './term.js';

/** Text past this many code units is not examined: no work notice is longer, and it bounds the cost. */
export const MAX_TEXT = 200_000;
/** Occurrences of one trigger tried per message, and of one regex collected: bounds pathological input. */
const MAX_TRIGGERS = 32;
const MAX_REGEX_HITS = 64;

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
  private readonly setOcc: number[][];
  private readonly touched: number[] = [];
  private readonly regexGen: Int32Array;
  private readonly regexOcc: number[][];
  private nz!: Normalized;
  private nzText: string | undefined;

  constructor(ruleSet: RuleSet) {
    this.rules = ruleSet.rules;
    this.c = compile(ruleSet);
    this.setGen = new Int32Array(this.c.setCount);
    this.setOcc = Array.from({ length: this.c.setCount }, () => []);
    this.regexGen = new Int32Array(this.c.regexes.length);
    this.regexOcc = this.c.regexes.map(() => []);
  }

  classify(text: string, opts: ClassifyOptions = {}): Classification {
    const original = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
    const nz = (this.nz = normalizeInto(original));
    this.nzText = undefined;
    this.gen++;
    this.touched.length = 0;
    this.collectTermHits(nz);
    const findings: Finding[] = [];
    for (const set of this.touched) {
      for (const r of this.c.triggerRules[set]) {
        if (opts.disabled?.has(r.rule.id)) continue;
        const span = this.evaluate(r);
        if (!span) continue;
        const from = nz.start[span[0]];
        const to = nz.end[span[1] - 1];
        findings.push({ rule: r.rule.id, category: r.rule.category, span: [from, to], match: original.slice(from, to) });
      }
    }
    findings.sort((a, b) => a.span[0] - b.span[0] || (a.rule < b.rule ? -1 : 1));
    const categories = [...new Set(findings.map((f) => f.category))].sort() as Category[];
    return { categories, findings };
  }

  private collectTermHits(nz: Normalized): void {
    const { units, length } = nz;
    const hits = this.hits;
    hits.count = 0;
    this.c.automaton.scan(units, length, hits);
    for (let h = 0; h < hits.count; h++) {
      const pattern = hits.pattern[h];
      const end = hits.end[h];
      const start = end - this.c.lengths[pattern];
      for (const use of this.c.uses[pattern]) {
        if (use.left && start > 0 && isWordUnit(units[start - 1])) continue;
        if (use.right && end < length && isWordUnit(units[end])) continue;
        const occ = this.setOcc[use.set];
        if (this.setGen[use.set] !== this.gen) {
          this.setGen[use.set] = this.gen;
          occ.length = 0;
          this.touched.push(use.set);
        }
        occ.push(start, end);
      }
    }
  }

  /** Start/end pairs of a regex's matches in the normalised text, computed once per message. */
  private regexMatches(id: number): number[] {
    const occ = this.regexOcc[id];
    if (this.regexGen[id] === this.gen) return occ;
    this.regexGen[id] = this.gen;
    occ.length = 0;
    if (this.nzText === undefined) {
      const { units, length } = this.nz;
      let s = '';
      for (let i = 0; i < length; i += 8192) s += String.fromCharCode(...units.subarray(i, Math.min(length, i + 8192)));
      this.nzText = s;
    }
    const re = this.c.regexes[id];
    re.lastIndex = 0;
    for (let m = re.exec(this.nzText); m && occ.length < MAX_REGEX_HITS * 2; m = re.exec(this.nzText)) {
      occ.push(m.index, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
    return occ;
  }

  /** The occurrence of a condition nearest the trigger [ts, te) that its proximity allows, or undefined. */
  private find(cond: CompiledCondition, ts: number, te: number): [number, number] | undefined {
    let best: [number, number] | undefined;
    let bestGap = Infinity;
    const consider = (occ: number[]) => {
      for (let i = 0; i < occ.length; i += 2) {
        const s = occ[i];
        const e = occ[i + 1];
        const gap = Math.max(0, s - te, ts - e);
        if (cond.within !== undefined && gap > cond.within) continue;
        if (cond.before !== undefined && !(s < ts && gap <= cond.before)) continue;
        if (cond.after !== undefined && !(e > te && gap <= cond.after)) continue;
        if (gap < bestGap) {
          bestGap = gap;
          best = [s, e];
          if (gap === 0) return;
        }
      }
    };
    for (const set of cond.sets) if (this.setGen[set] === this.gen) consider(this.setOcc[set]);
    for (const id of cond.regexes) if (bestGap > 0) consider(this.regexMatches(id));
    return best;
  }

  /** The evidence span (normalised offsets) of the first trigger occurrence that satisfies the rule. */
  private evaluate(r: CompiledRule): [number, number] | undefined {
    const occ = this.setOcc[r.trigger];
    const n = Math.min(occ.length, MAX_TRIGGERS * 2);
    outer: for (let i = 0; i < n; i += 2) {
      let from = occ[i];
      let to = occ[i + 1];
      for (const cond of r.none) if (this.find(cond, occ[i], occ[i + 1])) continue outer;
      for (const cond of r.all) {
        const hit = this.find(cond, occ[i], occ[i + 1]);
        if (!hit) continue outer;
        // Only conditions tied to the trigger widen the evidence; "anywhere" ones would make it the whole text.
        if (cond.within !== undefined || cond.before !== undefined || cond.after !== undefined) {
          from = Math.min(from, hit[0]);
          to = Math.max(to, hit[1]);
        }
      }
      return [from, to];
    }
    return undefined;
  }
}
