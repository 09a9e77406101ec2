import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleDir, ruleYaml } from '../support/rules.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');
const module = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);

/** Per message: far above what a slice-bounded pattern needs, far below a cubic scan of 100,000 characters. */
const BOUND_MS = 5000;

// Classifies each adversarial text in turn, printing one JSON line per text as it finishes. Runs in a
// child process because a regex that backtracks blocks its thread: only a kill can bound it.
const CHILD = `
import { Engine } from ${module('src/engine/engine.js')};
import { loadRuleSet } from ${module('src/engine/load-rules.js')};
const { ruleSet, problems } = loadRuleSet([process.argv[2]]);
if (problems.length) throw new Error(JSON.stringify(problems));
const engine = new Engine(ruleSet);
const x = (n) => 'x'.repeat(n);
const texts = {
  'trigger then 100,000 x': 'please y ' + x(100_000),
  'x on both sides of the trigger, y far away': x(30_000) + ' please ' + x(30_000) + ' y ' + x(40_000),
  '400 triggers among x': ('please ' + x(200) + ' ').repeat(100) + 'y ' + ('please ' + x(200) + ' ').repeat(300),
  '2,000 close triggers': (x(40) + ' please ').repeat(1_000) + 'y ' + (x(40) + ' please ').repeat(1_000),
};
for (const [name, text] of Object.entries(texts)) {
  const t = performance.now();
  const { categories } = engine.classify(text);
  console.log(JSON.stringify({ name, ms: performance.now() - t, categories }));
}
`;

interface Timed {
  name: string;
  ms: number;
  categories: string[];
}

/** Runs the child, killing it if it outlives a generous bound; resolves with what it printed and whether it was killed. */
function runChild(rules: string, limitMs: number): Promise<{ lines: Timed[]; killed: boolean; stderr: string }> {
  const dir = tempDir({ 'child.mjs': CHILD });
  const child = spawn(process.execPath, ['--import', join(ROOT, 'test/support/ts-loader.mjs'), join(dir, 'child.mjs'), rules], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      const lines = out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Timed);
      done({ lines, killed: signal === 'SIGKILL', stderr });
    });
  });
}

describe('a polynomial pattern confined to a window', () => {
  it('classifies adversarial messages of 100,000 characters without hanging', async () => {
    const rules = ruleDir({ 'check-in/poly.yaml': ruleYaml('  any: [please]\n  all:\n    - {pattern: "x*x*y", within: 10}') });
    const { lines, killed, stderr } = await runChild(rules, 4 * BOUND_MS + 10_000);
    expect(killed, `classify hung after ${lines.map((l) => l.name).join(', ') || 'nothing'}`).toBe(false);
    expect(stderr).toBe('');
    expect(lines.map((l) => [l.name, l.categories])).toEqual([
      ['trigger then 100,000 x', ['check-in']],
      ['x on both sides of the trigger, y far away', []],
      ['400 triggers among x', []],
      ['2,000 close triggers', []],
    ]);
    for (const l of lines) expect(l.ms, l.name).toBeLessThan(BOUND_MS);
  }, 60_000);
});
