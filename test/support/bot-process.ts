import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from './free-port.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BotProcess {
  /** The Slack adapter's HTTP port. */
  port: number;
  /** The config file it runs on, for other commands beside it. */
  config: string;
  child: ChildProcess;
  /** Lines the bot wrote to stderr so far. */
  stderr: string[];
  /** Resolves with the exit code, or the signal's name, once the process has ended. */
  exited: Promise<number | string>;
}

export interface SlackBotOptions {
  /** The SQLite file, or a PostgreSQL URL. */
  db: string;
  /** The Web API stand-in's base URL. */
  apiUrl: string;
  signingSecret: string;
  /** Where the config file goes. */
  dir: string;
  /** Runs the bot as this user (when the tests run as root, so that file permissions hold for it). */
  uid?: number;
  gid?: number;
  /** How node runs the CLI: the sources by default; the bench runs the build (bin/fingertip.js). */
  cli?: string[];
  /** More top-level config keys (e.g. `digest`). */
  extra?: Record<string, unknown>;
}

const FROM_SOURCES = ['--import', './test/support/ts-loader.mjs', 'test/support/fingertip-cli.ts'];

/**
 * `fingertip start` on the Slack adapter over HTTP, in a process of its own, resolved once it
 * answers on its port: a bot that can be killed with SIGKILL.
 */
export async function startSlackBot(opts: SlackBotOptions): Promise<BotProcess> {
  const port = await freePort();
  const config = join(opts.dir, `slack-${port}.yaml`);
  writeFileSync(
    config,
    stringify({ db: opts.db, ...opts.extra, adapters: { slack: { token: 'xoxb-test', signingSecret: opts.signingSecret, port, apiUrl: opts.apiUrl } } }),
  );
  const child = spawn(process.execPath, [...(opts.cli ?? FROM_SOURCES), 'start', '--config', config], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    uid: opts.uid,
    gid: opts.gid,
  });
  const stderr: string[] = [];
  let partial = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    stderr.push(...lines);
  });
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(code ?? signal ?? 'unknown')));
  const bot = { port, config, child, stderr, exited };
  await listening(bot);
  return bot;
}

/** Polls the port until the bot answers (any status) or its process ends. */
async function listening(bot: BotProcess, ms = 30_000): Promise<void> {
  let ended: number | string | undefined;
  void bot.exited.then((how) => (ended = how));
  const until = Date.now() + ms;
  for (;;) {
    if (ended !== undefined) throw new Error(`the bot exited (${ended}) before listening: ${bot.stderr.join(' | ')}`);
    try {
      await fetch(`http://127.0.0.1:${bot.port}/`);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`the bot did not listen on ${bot.port} within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** SIGTERM, as a service manager stops it, and its exit. */
export async function stopBot(bot: BotProcess): Promise<number | string> {
  bot.child.kill('SIGTERM');
  return bot.exited;
}
