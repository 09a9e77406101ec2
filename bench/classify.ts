// Classify throughput on the dev corpus cycled to 200,000 messages, against two baselines over the
// same keyword lists, and the cost of growing the rule set to 5,000 rules.
import { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
import { BUILTIN_MODEL, BUILTIN_RULES_DIR, Engine } from '../src/engine/index.js';
import { loadModel } from '../src/engine/model/model-file.js';
import { loadRuleSet } from '../src/engine/load-rules.js';
import type { Rule, RuleSet } from '../src/engine/rule.js';
import { cycled, devTexts, peakRssMb, throughput } from './corpus.js';

const N = 200_000;

/** Extra rules with made-up terms (which rarely occur) that use the shipped contexts, like real rules. */
function generatedRules(count: number, base: RuleSet): Rule[] {
  const contexts = [...base.contexts.keys()];
  let seed = 7;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const han = () => String.fromCharCode(0x4e00 + rand(0x5000));
  const latin = () => Array.from({ length: 5 + rand(4) }, () => String.fromCharCode(97 + rand(26))).join('');
  const template = base.rules[0];
  return Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `${template.category}/generated-${i}`,
    match: {
      any: Array.from({ length: 4 }, (_, k) => (k % 2 ? latin() : han() + han() + han())),
      all: contexts.length ? [{ kind: 'context' as const, context: contexts[i % contexts.length] }] : [],
      none: [],
    },
  }));
}

export async function run(print: (line: string) => void): Promise<void> {
  const { ruleSet } = loadRuleSet([BUILTIN_RULES_DIR]);
  const engine = new Engine(ruleSet);
  const messages = cycled(devTexts(), N);
  for (const m of messages.slice(0, 5000)) engine.classify(m); // warm up
  let spans = 0;
  const rate = throughput(messages, (m) => (spans += engine.classify(m).findings.length));
  print(
    `classify: ${ruleSet.rules.length} rules, ${N} messages: ${Math.round(rate).toLocaleString('en')} messages/s, ${Math.round(1e9 / rate)} ns/message (${spans} findings with spans), peak RSS ${peakRssMb().toFixed(0)} MB`,
  );

  // The learned stage beside the rules, as the bot runs it.
  const loadStart = performance.now();
  const model = loadModel(BUILTIN_MODEL);
  const loadMs = performance.now() - loadStart;
  const both = new Engine(ruleSet, model);
  for (const m of messages.slice(0, 5000)) both.classify(m);
  const withModel = throughput(messages, (m) => both.classify(m));
  print(
    `classify with the learned stage: ${Math.round(withModel).toLocaleString('en')} messages/s, ${Math.round(1e9 / withModel)} ns/message (target >= 60,000/s): ${withModel >= 60_000 ? 'met' : 'NOT MET'}`,
  );
  print(`  model load ${loadMs.toFixed(0)} ms (target < 1 s): ${loadMs < 1000 ? 'met' : 'NOT MET'}`);

  // Baseline 1: every trigger term of every rule looked up with String.includes on the lower-cased text.
  const keywords = [...new Set(ruleSet.rules.flatMap((r) => r.match.any.map((t) => t.replace(/^\*|\*$/g, '').toLowerCase())))];
  const naive = throughput(messages, (m) => {
    const t = m.toLowerCase();
    const hits: string[] = [];
    for (const k of keywords) if (t.includes(k)) hits.push(k);
    return hits;
  });
  print(
    `baseline includes-loop over ${keywords.length} keywords: ${Math.round(naive).toLocaleString('en')} messages/s (no normalisation, no context, no spans)`,
  );
  print(`  engine / includes-loop = ${(rate / naive).toFixed(2)}x (target >= 2x): ${rate >= 2 * naive ? 'met' : 'NOT MET'}`);
  print(`  engine with the learned stage / includes-loop = ${(withModel / naive).toFixed(2)}x`);

  // Baseline 2: natural's naive Bayes trained on the same keyword lists, one document per rule.
  const bayes = new BayesClassifier();
  for (const r of ruleSet.rules) bayes.addDocument(r.match.any.join(' '), r.category);
  bayes.train();
  const sample = messages.slice(0, 20_000);
  const bayesRate = throughput(sample, (m) => bayes.classify(m));
  print(`baseline natural.BayesClassifier: ${Math.round(bayesRate).toLocaleString('en')} messages/s (on ${sample.length} messages; no spans, no rule ids)`);

  // Scaling: the shipped rules plus generated ones.
  const sub = messages.slice(0, 50_000);
  const shippedRate = throughput(sub, (m) => engine.classify(m));
  for (const total of [100, 1000, 5000]) {
    const extra = Math.max(0, total - ruleSet.rules.length);
    const big = new Engine({ rules: [...ruleSet.rules, ...generatedRules(extra, ruleSet)], contexts: ruleSet.contexts });
    for (const m of sub.slice(0, 2000)) big.classify(m);
    const r = throughput(sub, (m) => big.classify(m));
    print(
      `  ${String(total).padStart(5)} rules: ${Math.round(r).toLocaleString('en')} messages/s, cost ${(shippedRate / r).toFixed(2)}x the shipped rules${total === 5000 ? ` (target <= 2x): ${shippedRate / r <= 2 ? 'met' : 'NOT MET'}` : ''}`,
    );
  }
  print(`classify peak RSS ${peakRssMb().toFixed(0)} MB`);
}
