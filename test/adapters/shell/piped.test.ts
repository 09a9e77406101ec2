import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../../src/store/sqlite/db.js';
import { childCli, type ChildCli } from '../../audit/support/child-cli.js';
import { tempDir } from '../../support/temp-dir.js';
import { waitFor } from '../../support/wait-for.js';
import { asText, chatInput, expectedOutput, type InputLine } from './chat-input.js';

/** Generous: a run that takes this long has hung (3,000 lines take a few seconds, start-up included). */
const HANG_MS = 60_000;

let cli: ChildCli;
beforeAll(() => {
  cli = childCli();
}, HANG_MS);
afterAll(() => cli?.remove());

interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node bin/fingertip.js start` over the compiled sources, on a pipe, with nothing but its database in the environment. */
function start(db: string): Started {
  const child = spawn(process.execPath, [cli.bin, 'start'], { env: { PATH: process.env.PATH, FINGERTIP_DB: db } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  // A child killed while its input is still being written closes the pipe under the writer.
  child.stdin.on('error', () => {});
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const hung = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fingertip start hung: no exit in ${HANG_MS} ms`));
    }, HANG_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(hung);
      resolve({ code, signal });
    });
  });
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function pipeAll(db: string, input: string) {
  const run = start(db);
  run.child.stdin.end(input);
  const { code } = await run.exit;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** What the database holds of the shell's messages: rows per sender, and the flagged texts. */
async function stored(db: string) {
  const raw = await Db.open(db, 5000);
  try {
    const bySender = await raw.all<{ sender: string; n: number }>(
      "SELECT sender_id AS sender, count(*) AS n FROM messages WHERE platform = 'shell' GROUP BY sender_id",
    );
    const flagged = await raw.all<{ text: string }>("SELECT text FROM messages WHERE platform = 'shell' AND mask <> 0 ORDER BY text");
    return { bySender: Object.fromEntries(bySender.map((r) => [r.sender, r.n])), flagged: flagged.map((r) => r.text) };
  } finally {
    await raw.close();
  }
}

/** What `stored` must give once every message line of `lines` is stored, each once. */
function everyLine(lines: readonly InputLine[]) {
  const bySender: Record<string, number> = {};
  for (const l of lines) if (l.kind === 'demand' || l.kind === 'chatter') bySender[l.sender] = (bySender[l.sender] ?? 0) + 1;
  const flagged = lines
    .filter((l) => l.kind === 'demand')
    .map((l) => l.text)
    .sort();
  return { bySender, flagged };
}

const total = (bySender: Record<string, number>) => Object.values(bySender).reduce((a, b) => a + b, 0);

/** How many lines a run showed stored as flagged. */
const flaggedShown = (run: Started) =>
  run
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('flagged: ')).length;

describe('shell adapter on piped input (the real launcher, in a child process)', () => {
  it(
    'takes 3,000 lines at once: stores every line, answers in input order, a command sees the lines before it',
    async () => {
      const db = join(tempDir(), 'piped.db');
      const lines = chatInput(3000, [1500, 2999]);
      const r = await pipeAll(db, asText(lines));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const printed = r.stdout.split('\n');
      expect(printed.pop()).toBe('');
      const expected = expectedOutput(lines);
      expect(printed).toHaveLength(expected.length);
      printed.forEach((line, i) => (typeof expected[i] === 'string' ? expect(line).toBe(expected[i]) : expect(line).toMatch(expected[i])));
      expect(await stored(db)).toEqual(everyLine(lines));
    },
    HANG_MS,
  );

  it(
    'on SIGTERM mid-input takes no more lines, stores those it took, and exits 0 without an error',
    async () => {
      const db = join(tempDir(), 'stopped.db');
      const lines = chatInput(60_000, []);
      const run = start(db);
      run.child.stdin.write(asText(lines));
      await waitFor(() => run.stdout().includes('flagged: '), 'a line stored', HANG_MS);
      run.child.kill('SIGTERM');
      const { code } = await run.exit;
      // Before, lines still in hand met a closed store: an error each, and exit 0 all the same.
      expect(run.stderr()).toBe('');
      expect(code).toBe(0);
      const shown = flaggedShown(run);
      const kept = await stored(db);
      expect(kept.flagged.length).toBe(shown);
      expect(total(kept.bySender)).toBeLessThan(total(everyLine(lines).bySender));
    },
    2 * HANG_MS,
  );

  it(
    'stores every line exactly once when killed with SIGKILL mid-input and fed the same input again',
    async () => {
      const db = join(tempDir(), 'killed.db');
      const lines = chatInput(30_000, [10_000]);
      const firstPart = lines.slice(0, 10_001); // up to the `stats group`, whose answer shows them stored
      const run = start(db);
      run.child.stdin.write(asText(firstPart));
      await waitFor(() => run.stdout().includes('fingertip [local]> '), 'the answer to stats group', HANG_MS);
      const answered = run.stdout().length;
      run.child.stdin.write(asText(lines.slice(firstPart.length)));
      // Killed as the first of the rest is shown stored: the next batches are on their way.
      await waitFor(() => run.stdout().slice(answered).includes('flagged: '), 'a line of the rest stored', HANG_MS);
      run.child.kill('SIGKILL');
      expect((await run.exit).signal).toBe('SIGKILL');

      const shown = flaggedShown(run);
      const afterKill = await stored(db);
      expect(afterKill.flagged.length).toBeGreaterThanOrEqual(shown);
      expect(total(afterKill.bySender)).toBeGreaterThanOrEqual(total(everyLine(firstPart).bySender));
      expect(total(afterKill.bySender)).toBeLessThan(total(everyLine(lines).bySender));

      const rerun = await pipeAll(db, asText(lines));
      expect(rerun.stderr).toBe('');
      expect(rerun.code).toBe(0);
      expect(await stored(db)).toEqual(everyLine(lines));
    },
    3 * HANG_MS,
  );
});
