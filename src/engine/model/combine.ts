import { CATEGORIES } from '../../core/categories.js';
import type { Finding } from '../../core/finding.js';
import type { Normalized } from '../normalize.js';
import type { FeatureBuffer } from './features.js';
import { demandScore, flagsAlone, ruleStands } from './decision.js';
import type { HashedMlp, Thresholds } from './hashed-mlp.js';

/** Cues listed for a finding the model makes alone. */
const TOP_CUES = 3;

export interface Combined {
  findings: Finding[];
  /** Rule findings the model overruled, kept so `why` and `npm run eval` can show the disagreement. */
  vetoed: Finding[];
}

/**
 * Rules and model together. A rule's finding stands when the model agrees that its category is
 * demanded, or that the message is a demand at all; otherwise it is vetoed (the rules fire on words,
 * and news, reported speech and policy text are full of the words), unless its rule says `veto: false`
 * (a demand the model never learnt). The model flags a category on its own when confident, or less so
 * in what it judges a demand, and names its strongest cues.
 */
export function combine(
  ruleFindings: Finding[],
  probs: Float64Array,
  t: Thresholds,
  explain: { model: HashedMlp; buf: FeatureBuffer; nz: Normalized; text: string },
  /** Bit k: the model may not flag CATEGORIES[k] alone (a group switched its rule or `model/<category>` off). */
  silenced = 0,
  /** Ids of the rules whose findings stand without the model's confirmation (`veto: false`). */
  unvetoed: ReadonlySet<string> = new Set(),
): Combined {
  const findings: Finding[] = [];
  const vetoed: Finding[] = [];
  let ruled = 0;
  const demand = demandScore(probs);
  for (const f of ruleFindings) {
    const k = CATEGORIES.indexOf(f.category);
    ruled |= 1 << k;
    if (unvetoed.has(f.rule) || ruleStands(probs, demand, t, k)) findings.push(f);
    else vetoed.push({ ...f, score: round(probs[k]) });
  }
  for (let k = 0; k < CATEGORIES.length; k++) {
    if ((ruled | silenced) & (1 << k) || !flagsAlone(probs, demand, t, k)) continue;
    const cues = explain.model.cues(explain.buf, k, TOP_CUES).map((c) => {
      const from = explain.nz.start[c.from];
      const to = explain.nz.end[c.to - 1];
      return { span: [from, to] as [number, number], match: explain.text.slice(from, to), weight: round(c.weight) };
    });
    if (cues.length === 0) continue;
    findings.push({ rule: `model/${CATEGORIES[k]}`, category: CATEGORIES[k], span: cues[0].span, match: cues[0].match, score: round(probs[k]), cues });
  }
  return { findings, vetoed };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
