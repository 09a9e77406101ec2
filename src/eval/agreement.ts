import { CATEGORIES } from '../core/categories.js';

/** One line labelled twice, independently: by its writer and by a second labeller. */
export interface TwiceLabelled {
  writer: readonly string[];
  second: readonly string[];
  /** The label set after disagreements were resolved. */
  final: readonly string[];
}

export interface Agreement {
  lines: number;
  /** Lines whose two label sets are the same. */
  exact: number;
  /** Cohen's kappa per category over the yes/no decisions of the two labellers. */
  kappa: Record<string, number>;
  /** How the disagreements were resolved. */
  resolved: { writer: number; second: number; neither: number };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function kappa(pairs: [boolean, boolean][]): number {
  const n = pairs.length;
  if (!n) return 1;
  const agree = pairs.filter(([a, b]) => a === b).length / n;
  const pa = pairs.filter(([a]) => a).length / n;
  const pb = pairs.filter(([, b]) => b).length / n;
  const chance = pa * pb + (1 - pa) * (1 - pb);
  return chance === 1 ? 1 : (agree - chance) / (1 - chance);
}

export function agreement(lines: readonly TwiceLabelled[]): Agreement {
  const out: Agreement = { lines: lines.length, exact: 0, kappa: {}, resolved: { writer: 0, second: 0, neither: 0 } };
  for (const l of lines) {
    if (same(l.writer, l.second)) out.exact++;
    else if (same(l.final, l.writer)) out.resolved.writer++;
    else if (same(l.final, l.second)) out.resolved.second++;
    else out.resolved.neither++;
  }
  for (const c of CATEGORIES) out.kappa[c] = kappa(lines.map((l) => [l.writer.includes(c), l.second.includes(c)]));
  return out;
}
