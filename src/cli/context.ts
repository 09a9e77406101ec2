import type { Readable, Writable } from 'node:stream';
import { standardOutput } from './standard-output.js';

/** What a command may touch of the outside world; tests pass their own streams and env. */
export interface CliContext {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A subcommand: takes its own argv (after the command name) and returns the exit status. */
export type Command = (argv: string[], ctx: CliContext) => Promise<number>;

export function processContext(): CliContext {
  // A reader that stops early (`fingertip classify big.jsonl | head`) closes the pipe: like any Unix
  // filter, stop quietly rather than die on an unhandled EPIPE with a stack trace, but with exit 1, as
  // the output was not all delivered (a script with pipefail must not take it for done; `audit` then
  // keeps an earlier --evidence file). Any other failure (a full disk under `> report.md`) is one line
  // and exit 1, not a stack trace.
  const stdout = standardOutput();
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`fingertip: standard output: cannot write (${err.code ?? err.message})\n`);
    process.exit(1);
  });
  return { stdin: process.stdin, stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
