// `npm run eval [CORPUS]`: the built-in rules against a labelled corpus (default: corpus/dev.jsonl).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classify } from '../src/engine/index.js';
import { evaluate, type Labelled } from '../src/eval/metrics.js';
import { CATEGORIES } from '../src/taxonomy/categories.js';
import { oneLine } from '../src/util/errors.js';

const file = resolve(process.argv[2] ?? 'corpus/dev.jsonl');
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
const texts = new Map<string, string>();
let items: Labelled[];
try {
  items = rows.map((line, i) => {
    let row: { id?: string; text: string; labels?: string[] };
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: invalid JSON`);
    }
    const id = row.id ?? String(i + 1);
    texts.set(id, row.text);
    return { id, expected: row.labels ?? [], actual: classify(row.text).categories };
  });
} catch (err) {
  console.error(`eval: ${oneLine(err)}`);
  process.exit(2);
}
const s = evaluate(items);
const pct = (x: number) => x.toFixed(3);
console.log(`corpus: ${file} (${items.length} messages, ${s.negatives} unlabelled)\n`);
console.log('category            precision  recall  f1     tp  fp  fn');
for (const c of CATEGORIES) {
  const r = s.byCategory[c];
  console.log(`${c.padEnd(20)}${pct(r.precision).padEnd(11)}${pct(r.recall).padEnd(8)}${pct(r.f1).padEnd(7)}${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}`);
}
console.log(`${'micro'.padEnd(20)}${pct(s.micro.precision).padEnd(11)}${pct(s.micro.recall).padEnd(8)}${pct(s.micro.f1)}`);
console.log(`false-positive rate on unlabelled messages: ${(100 * s.falsePositiveRate).toFixed(2)}%\n`);
console.log(`misclassified: ${s.misclassified.length}`);
for (const m of s.misclassified) {
  console.log(`${m.id}\texpected [${m.expected.join(', ')}]\tgot [${m.actual.join(', ')}]\t${texts.get(m.id)!.replace(/\s+/g, ' ')}`);
}
