import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/transpile.js';
import { ruleDir, STEP_COUNT_FLAGS, stepCountRule } from '../support/rules.js';
import { tempDir } from '../support/temp-dir.js';

/** `npm run eval -- ARGS` from the sources. */
function evalScript(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--import', './test/support/ts-loader.mjs', 'scripts/eval.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {},
    timeout: 120_000,
  });
}

describe('npm run eval', () => {
  it("evaluates a configuration's rule folders with both engines, as the bot runs them", () => {
    const dir = tempDir();
    const config = join(dir, 'fingertip.yaml');
    writeFileSync(config, `rules: [${JSON.stringify(ruleDir(stepCountRule('veto: false\n')))}]\n`);
    const lines = join(dir, 'steps.jsonl');
    writeFileSync(
      lines,
      [...STEP_COUNT_FLAGS.map((text) => ({ text, labels: ['proof-demand'] })), { text: '我今天步数一万了', labels: [] }]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const r = evalScript(['--config', config, lines]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Rules alone, then rules with the model: every demand found, nothing else flagged, by both.
    expect(r.stdout).toMatch(/^all +4 +1 +1\.000 1\.000 1\.000 +0\.0 % +1\.000 1\.000 1\.000 +0\.0 %$/m);
  });

  it('names a configuration it cannot read in one line, exit 2', () => {
    const r = evalScript(['--config', '/nonexistent.yaml', 'corpus/dev.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('eval: /nonexistent.yaml: cannot read config (ENOENT)\n');
  });
});
