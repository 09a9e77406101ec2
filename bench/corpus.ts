import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../src/engine/index.js';

/** The shared dev corpus's texts (the bench runs from the repository root, beside ../shared). */
export function devTexts(): string[] {
  const file = join(BUILTIN_RULES_DIR, '..', '..', 'shared', 'corpus', 'dev.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

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
