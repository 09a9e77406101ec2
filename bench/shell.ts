// Piped input to the shell adapter through the real CLI (`printf ... | fingertip start`): lines a second
// from start to exit, less the time the same run takes on an empty input (loading the rules, opening
// the file), which a user pays once whatever the input's length.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from '../src/commands/parse.js';
import { cycled, devTexts } from './corpus.js';

const N = Number(process.env.FINGERTIP_BENCH_SHELL_N ?? 20_000);
const TARGET_PER_S = 1_000;
const BIN = fileURLToPath(new URL('../../bin/fingertip.js', import.meta.url));

/** Seconds `fingertip start` takes to read `input` to its end and exit. */
async function timedStart(input: string, db: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, FINGERTIP_DB: db }, stdio: ['pipe', 'ignore', 'inherit'] });
  child.stdin.end(input);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`bench shell: fingertip start exited with ${code}`);
  return (performance.now() - t0) / 1000;
}

export async function run(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fingertip-bench-'));
  try {
    // The dev corpus as chat lines; the lines that spell a command are left out, as each waits for a commit.
    const texts = devTexts()
      .map((t) => t.replace(/\s+/g, ' '))
      .filter((t) => !parseCommand(t));
    const input = `${cycled(texts, N).join('\n')}\nstats group\n`;
    const startup = await timedStart('', join(dir, 'empty.db'));
    const total = await timedStart(input, join(dir, 'shell.db'));
    const rate = N / (total - startup);
    print(
      `piped shell: ${N.toLocaleString('en')} lines in ${total.toFixed(1)} s, ${startup.toFixed(1)} s of it start-up = ${Math.round(rate).toLocaleString('en')} lines/s (target >= ${TARGET_PER_S.toLocaleString('en')}): ${rate >= TARGET_PER_S ? 'met' : 'NOT MET'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
