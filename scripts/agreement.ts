// `npm run agreement`: how far the two independent labellers of each corpus round agreed, and how
// their disagreements were resolved (corpus/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../src/engine/builtin-rules.js';
import { agreement, type TwiceLabelled } from '../src/eval/agreement.js';
import { CATEGORIES } from '../src/core/categories.js';

const rounds = join(BUILTIN_RULES_DIR, '..', 'corpus', 'rounds');
const pct = (a: number, b: number) => `${((100 * a) / (b || 1)).toFixed(1)} %`;
const all: TwiceLabelled[] = [];
let unlabelled = 0;
for (const round of readdirSync(rounds).sort()) {
  for (const name of readdirSync(join(rounds, round))
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const lines: TwiceLabelled[] = [];
    for (const raw of readFileSync(join(rounds, round, name), 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const o = JSON.parse(raw) as { labels: string[]; labels_writer?: string[]; labels_second?: string[] };
      if (!o.labels_writer || !o.labels_second) {
        unlabelled++;
        continue;
      }
      lines.push({ writer: o.labels_writer, second: o.labels_second, final: o.labels });
    }
    if (!lines.length) continue;
    const a = agreement(lines);
    console.log(
      `${round}/${name.padEnd(14)} ${String(a.lines).padStart(5)} lines, same labels on ${pct(a.exact, a.lines)}; resolved to the writer's ${a.resolved.writer}, the second's ${a.resolved.second}, neither ${a.resolved.neither}`,
    );
    all.push(...lines);
  }
}
const a = agreement(all);
console.log(
  `\nall: ${a.lines} lines labelled twice, same labels on ${pct(a.exact, a.lines)}${unlabelled ? `; ${unlabelled} lines not yet labelled twice` : ''}`,
);
console.log(`Cohen's kappa per category: ${CATEGORIES.map((c) => `${c} ${a.kappa[c].toFixed(2)}`).join(', ')}`);
