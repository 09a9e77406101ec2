// `npm run train`: trains the learned stage on the corpus's train split, chooses per language how it
// combines with the rules, and writes models/fingertip.model. The test split is not read.
// `-- --add FILE...` trains every model on labelled lines of one's own too (as `fingertip feedback
// export` writes them); `--out FILE` writes the model there instead, for a deployment's `model:`.
//
// The thresholds are chosen on predictions of lines no model saw: each training round's lines as
// scored by a model trained on the other rounds (leave one round out), and the dev split as scored by
// the final model: every line outside the test split, where the dev split alone (one round of
// 1,700 lines) let one round's style decide. The counts are printed below.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/index.js';
import { BUILTIN_RULES_DIR } from '../src/engine/builtin-rules.js';
import { HashedMlp, HIDDEN, type LangThresholds } from '../src/engine/model/hashed-mlp.js';
import { encodeModel } from '../src/engine/model/model-file.js';
import { MODEL_FILE } from '../src/engine/model/model-path.js';
import { judgeLines } from '../src/engine/model/judge.js';
import { chooseThresholds, FALSE_FLAG_BOUND, scoreWith, type Judged } from '../src/engine/model/thresholds.js';
import { DEFAULT_TRAIN, quantize, train, type Example } from '../src/engine/model/train.js';
import { readCorpusFile, readSplits, type CorpusLine } from '../src/eval/corpus.js';
import { LANGS } from '../src/core/lang.js';
import { oneLine } from '../src/core/errors.js';
import { writeError } from '../src/core/write-error.js';
import { checkOut, writeOut } from '../src/core/write-out.js';
import type { Scores } from '../src/eval/metrics.js';

const root = join(BUILTIN_RULES_DIR, '..');
// Prediction does not read the thresholds; they are chosen from the predictions.
const PLACEHOLDER = { confirm: 0.5, demandConfirm: 0.5, solo: 0.9, soloInDemand: 0.9 };

/** A round of the corpus (corpus/rounds/rNN), or a file of its own for lines outside the rounds. */
const roundOf = (l: CorpusLine): string => /rounds\/(r\d+)\//.exec(l.where)?.[1] ?? l.where.replace(/:\d+$/, '');

try {
  const { values } = parseArgs({ options: { add: { type: 'string', multiple: true, default: [] }, out: { type: 'string' } } });
  const splits = readSplits(root);
  // A deployment's own lines train every model but choose no threshold: members correct the flags
  // they see, so their corrections are a sample of the model's errors, not of the text it reads.
  const added = values.add.flatMap((f) => readCorpusFile(f));
  // Where the model goes, tried before the minutes of training: a path it cannot take is said now.
  const file = values.out === undefined ? join(root, MODEL_FILE) : resolve(values.out);
  const named = values.out === undefined ? MODEL_FILE : `--out ${values.out}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (err) {
    throw writeError(named, err);
  }
  await checkOut(file, named);
  const started = Date.now();
  const rules = createEngine([], { model: null });
  const fit = (lines: readonly Example[]) => quantize(train(lines, rules, DEFAULT_TRAIN));
  const unseen: Judged[] = [];
  for (const round of new Set(splits.train.map(roundOf))) {
    const q = fit([...splits.train.filter((l) => roundOf(l) !== round), ...added]);
    unseen.push(
      ...judgeLines(
        rules,
        new HashedMlp({ ...q, thresholds: { zh: PLACEHOLDER, en: PLACEHOLDER }, meta: {} }),
        splits.train.filter((l) => roundOf(l) === round),
      ),
    );
  }
  const q = fit([...splits.train, ...added]);
  const digest = createHash('sha256');
  for (const l of [...splits.train, ...added]) digest.update(`${l.text}\u0000${l.labels.join(',')}\n`);
  const meta = {
    corpus: digest.digest('hex').slice(0, 16),
    lines: splits.train.length + added.length,
    seed: DEFAULT_TRAIN.seed,
    epochs: DEFAULT_TRAIN.epochs,
    hidden: HIDDEN,
    ...(added.length > 0 && { added: added.length }),
  };
  const dev = judgeLines(rules, new HashedMlp({ ...q, thresholds: { zh: PLACEHOLDER, en: PLACEHOLDER }, meta }), splits.dev);
  unseen.push(...dev);

  const f = (x: number) => x.toFixed(3);
  const line = (s: Scores) =>
    `P ${f(s.micro.precision)} R ${f(s.micro.recall)} F1 ${f(s.micro.f1)}, non-demands flagged ${(100 * s.falsePositiveRate).toFixed(1)} %`;
  const thresholds = {} as LangThresholds;
  console.log(
    `trained ${new Set(splits.train.map(roundOf)).size + 1} models on ${splits.train.length} lines${added.length ? ` and ${added.length} added` : ''} in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${DEFAULT_TRAIN.seed}, ${DEFAULT_TRAIN.epochs} epochs)`,
  );
  for (const lang of LANGS) {
    const pool = unseen.filter((j) => j.lang === lang);
    const chosen = chooseThresholds(pool, FALSE_FLAG_BOUND[lang]);
    const t = (thresholds[lang] = chosen.thresholds);
    console.log(`${lang}: confirm ${t.confirm}, demand ${t.demandConfirm}, solo ${t.solo}, solo in a demand ${t.soloInDemand}`);
    console.log(
      `  on ${pool.length} unseen lines, at most ${+(100 * FALSE_FLAG_BOUND[lang]).toFixed(1)} % of their non-demands flagged: ${line(chosen.scores)}`,
    );
    console.log(
      `  on the dev split alone: ${line(
        scoreWith(
          dev.filter((j) => j.lang === lang),
          t,
        ),
      )}`,
    );
  }
  const bytes = encodeModel({ ...q, thresholds, meta });
  // Written beside it and renamed over it: a full disk or an interrupted run leaves the model that was there.
  await writeOut(file, bytes, named);
  console.log(`wrote ${values.out ?? MODEL_FILE} (${(bytes.length / 1024).toFixed(0)} KiB)`);
} catch (err) {
  console.error(`train: ${oneLine(err)}`);
  process.exit(2);
}
