import { join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../src/engine/index.js';
import { readCorpusFile, type CorpusLine } from '../src/eval/corpus.js';

/** The dev corpus, shipped beside the rules. */
const DEV_CORPUS = join(BUILTIN_RULES_DIR, '..', 'corpus', 'dev.jsonl');

/** The dev corpus's lines, read and checked as `npm run eval` reads them. */
export const devCorpus = (): CorpusLine[] => readCorpusFile(DEV_CORPUS);

/** The dev corpus's texts. */
export const devTexts = (): string[] => devCorpus().map((l) => l.text);

/** The corpus cycled to `n` messages, each made unique by a suffix so no cache can help. */
export function cycled(texts: string[], n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${texts[i % texts.length]} #${i}`);
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs `fn` over every item and returns messages per second. */
export function throughput<T>(items: T[], fn: (item: T) => unknown): number {
  const t0 = process.hrtime.bigint();
  for (const item of items) fn(item);
  const ns = Number(process.hrtime.bigint() - t0);
  return items.length / (ns / 1e9);
}
