import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, transpile } from '../../support/transpile.js';

export interface ChildCli {
  /** The launcher, to run with `node`. */
  bin: string;
  remove(): void;
}

/**
 * The real `fingertip` launcher (bin/fingertip.js) over the sources transpiled as they are now, in a
 * folder below the package (node_modules/.cache), from where the rules, the model and the packages are
 * found above it as they are from dist/. Plain JavaScript, so a child's memory is the CLI's own.
 */
export function childCli(): ChildCli {
  const cache = join(ROOT, 'node_modules', '.cache', 'fingertip');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'audit-'));
  transpile('src/cli/main.ts', dir);
  const bin = join(dir, 'fingertip.js');
  writeFileSync(bin, readFileSync(join(ROOT, 'bin/fingertip.js'), 'utf8').replace('../dist/src/cli/main.js', './src/cli/main.js'));
  return { bin, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory, MiB (VmHWM, polled from /proc while the child ran). */
  peakMib: number;
  ms: number;
}

/** Runs the launcher with `args`, its V8 heap held to `heapMib`, killed after `timeoutMs` (a hang). */
export function runChild(launcher: string, args: string[], heapMib: number, timeoutMs: number): Promise<ChildRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMib}`, launcher, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakKb = 0;
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const poll = setInterval(() => {
    readFile(`/proc/${child.pid}/status`, 'utf8').then(
      (s) => (peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0))),
      () => {}, // gone between polls
    );
  }, 20);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      done({ code, stdout, stderr, peakMib: Math.round(peakKb / 1024), ms: Date.now() - started });
    });
  });
}
