// `npm run eval [-- FILE...] [--errors] [--config FILE]`: rules alone and rules with the learned
// stage, on the corpus's splits (corpus/splits.json) or on the labelled JSONL files given; with a
// configuration, on its rule folders and model as the bot runs them.
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/index.js';
import { BUILTIN_RULES_DIR } from '../src/engine/builtin-rules.js';
import { ARTICLES, readCorpusFile, readPattern, readSplits, SPLITS, type CorpusLine } from '../src/eval/corpus.js';
import { renderErrors, renderEval, type Verdicts } from '../src/eval/report.js';
import { oneLine } from '../src/core/errors.js';
import { loadConfig } from '../src/cli/config/load.js';

const root = join(BUILTIN_RULES_DIR, '..');

try {
  const { values, positionals: files } = parseArgs({ options: { errors: { type: 'boolean' }, config: { type: 'string' } }, allowPositionals: true });
  const config = loadConfig(values.config);
  const rules = createEngine(config.rules, { model: null });
  const both = createEngine(config.rules, { model: config.model });
  const judge = (lines: CorpusLine[]): Verdicts[] =>
    lines.map((line) => ({ line, rules: rules.classify(line.text).categories, combined: both.classify(line.text).categories }));
  const sets: [string, CorpusLine[]][] = files.length
    ? files.map((f) => [relative(root, f) || f, readCorpusFile(f)])
    : (() => {
        const splits = readSplits(root);
        return [
          ...SPLITS.map((s): [string, CorpusLine[]] => [`${s} split${s === 'train' ? ' (the model was fit on it)' : ''}`, splits[s]]),
          ['feature articles, sentence by sentence (no line is a demand)', readPattern(root, ARTICLES)] as [string, CorpusLine[]],
        ];
      })();
  for (const [title, lines] of sets) {
    if (!lines.length) continue;
    const rows = judge(lines);
    console.log(renderEval(title, rows), '\n');
    // The test split is frozen: its score is read once per change, its lines never, so nothing is tuned on them.
    if (values.errors && !title.startsWith('test')) console.log(`-- errors of rules+model\n${renderErrors(rows, 'combined')}\n`);
  }
} catch (err) {
  console.error(`eval: ${oneLine(err)}`);
  process.exit(2);
}
