// `npm run train`: trains the learned stage on the corpus's train split, chooses how it combines
// with the rules on the dev split, and writes models/fingertip.model. The test split is not read.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createEngine } from '../src/engine/index.js';
import { BUILTIN_RULES_DIR } from '../src/engine/builtin-rules.js';
import { extractFeatures, newFeatureBuffer } from '../src/engine/model/features.js';
import { HashedMlp, HIDDEN, K, type Thresholds } from '../src/engine/model/hashed-mlp.js';
import { encodeModel } from '../src/engine/model/model-file.js';
import { MODEL_FILE } from '../src/engine/model/model-path.js';
import { chooseThresholds, type Judged } from '../src/engine/model/thresholds.js';
import { DEFAULT_TRAIN, quantize, train } from '../src/engine/model/train.js';
import { normalizeInto } from '../src/engine/normalize.js';
import { readSplits } from '../src/eval/corpus.js';
import { CATEGORIES } from '../src/core/categories.js';
import { oneLine } from '../src/core/errors.js';

const root = join(BUILTIN_RULES_DIR, '..');
try {
  const splits = readSplits(root);
  const started = Date.now();
  const trained = train(splits.train, DEFAULT_TRAIN);
  const q = quantize(trained);
  const digest = createHash('sha256');
  for (const l of splits.train) digest.update(`${l.text}\u0000${l.labels.join(',')}\n`);
  const meta = {
    corpus: digest.digest('hex').slice(0, 16),
    lines: splits.train.length,
    seed: DEFAULT_TRAIN.seed,
    epochs: DEFAULT_TRAIN.epochs,
    hidden: HIDDEN,
  };
  // Prediction does not read the thresholds; they are chosen below from these predictions.
  const placeholder: Thresholds = { confirm: 0.5, demandConfirm: 0.5, solo: 0.9, soloInDemand: 0.9 };
  const model = new HashedMlp({ ...q, thresholds: placeholder, meta });

  const rules = createEngine([], { model: null });
  const buf = newFeatureBuffer();
  const judged: Judged[] = splits.dev.map((l) => {
    const ruled = rules.classify(l.text).categories.reduce((m, c) => m | (1 << CATEGORIES.indexOf(c)), 0);
    extractFeatures(normalizeInto(l.text), buf);
    const probs = new Float64Array(K);
    model.predict(buf, probs);
    return { id: l.id, expected: l.labels, ruled, probs };
  });
  const { thresholds, scores } = chooseThresholds(judged);
  const file = join(root, MODEL_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const bytes = encodeModel({ ...q, thresholds, meta });
  writeFileSync(file, bytes);
  const f = (x: number) => x.toFixed(3);
  console.log(
    `trained on ${splits.train.length} lines in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${DEFAULT_TRAIN.seed}, ${DEFAULT_TRAIN.epochs} epochs)`,
  );
  console.log(
    `thresholds from ${splits.dev.length} dev lines: confirm ${thresholds.confirm}, demand ${thresholds.demandConfirm}, solo ${thresholds.solo}, solo in a demand ${thresholds.soloInDemand}`,
  );
  console.log(
    `dev with rules + model: P ${f(scores.micro.precision)} R ${f(scores.micro.recall)} F1 ${f(scores.micro.f1)}, non-demands flagged ${(100 * scores.falsePositiveRate).toFixed(1)} %`,
  );
  console.log(`wrote ${MODEL_FILE} (${(bytes.length / 1024).toFixed(0)} KiB)`);
} catch (err) {
  console.error(`train: ${oneLine(err)}`);
  process.exit(2);
}
