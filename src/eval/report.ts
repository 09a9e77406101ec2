import { CATEGORIES } from '../core/categories.js';
import type { CorpusLine } from './corpus.js';
import { evaluate, type Scores } from './metrics.js';

/** What each system said of one line. */
export interface Verdicts {
  line: CorpusLine;
  rules: string[];
  combined: string[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const f3 = (x: number) => x.toFixed(3);

function scores(rows: readonly Verdicts[], pick: (v: Verdicts) => string[]): Scores {
  return evaluate(rows.map((v) => ({ id: v.line.id, expected: v.line.labels, actual: pick(v) })));
}

function row(name: string, rows: readonly Verdicts[]): string {
  const r = scores(rows, (v) => v.rules);
  const c = scores(rows, (v) => v.combined);
  const cell = (s: Scores) => `${f3(s.micro.precision)} ${f3(s.micro.recall)} ${f3(s.micro.f1)} ${pct(s.falsePositiveRate).padStart(7)}`;
  return `${name.padEnd(22)}${String(rows.length).padStart(6)} ${String(r.negatives).padStart(6)}   ${cell(r)}   ${cell(c)}`;
}

const HEADER = `${''.padEnd(22)} lines   negs   rules: P     R     F1    false      rules+model: P R  F1    false`;

/** The lines of `rows` grouped by a key, largest group first. */
function groups(rows: readonly Verdicts[], key: (v: Verdicts) => string | undefined): [string, Verdicts[]][] {
  const m = new Map<string, Verdicts[]>();
  for (const v of rows) {
    const k = key(v);
    if (k !== undefined) m.set(k, [...(m.get(k) ?? []), v]);
  }
  return [...m].sort((a, b) => b[1].length - a[1].length);
}

/**
 * The eval's text: micro precision, recall, F1 and the share of non-demands flagged, for rules alone
 * and for rules with the model, overall, per language and per genre; per-category figures; and how
 * often the two disagree.
 */
export function renderEval(title: string, rows: readonly Verdicts[]): string {
  const out = [`== ${title}`, HEADER, row('all', rows)];
  for (const [lang, rs] of groups(rows, (v) => v.line.lang)) out.push(row(`lang ${lang}`, rs));
  for (const [genre, rs] of groups(rows, (v) => v.line.genre)) out.push(row(`genre ${genre}`, rs));
  const hard = rows.filter((v) => v.line.hard);
  if (hard.length) out.push(row('hard negatives', hard));
  const c = scores(rows, (v) => v.combined);
  out.push('', 'category (rules+model)  precision recall  f1     tp   fp   fn');
  for (const cat of CATEGORIES) {
    const s = c.byCategory[cat];
    out.push(
      `${cat.padEnd(24)}${f3(s.precision).padEnd(10)}${f3(s.recall).padEnd(8)}${f3(s.f1).padEnd(7)}${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`,
    );
  }
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const differ = rows.filter((v) => !same(v.rules, v.combined));
  const right = (v: Verdicts, got: string[]) => same([...v.line.labels], got);
  const modelRight = differ.filter((v) => right(v, v.combined)).length;
  const rulesRight = differ.filter((v) => right(v, v.rules)).length;
  out.push(
    '',
    `rules and model disagree on ${differ.length} of ${rows.length} lines (${pct(rows.length ? differ.length / rows.length : 0)}): the model's answer is right on ${modelRight}, the rules' on ${rulesRight}`,
  );
  return out.join('\n');
}

/** The lines each system got wrong, one a line, for reading errors by class. */
export function renderErrors(rows: readonly Verdicts[], pick: 'rules' | 'combined'): string {
  return rows
    .filter((v) => v.line.labels.join() !== v[pick].join())
    .map(
      (v) =>
        `${v.line.where}\t${v.line.genre ?? ''}\texpected [${v.line.labels.join(', ')}]\tgot [${v[pick].join(', ')}]\t${v.line.text.replace(/\s+/g, ' ').slice(0, 160)}`,
    )
    .join('\n');
}
