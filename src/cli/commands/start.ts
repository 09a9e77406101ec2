import { Bot } from '../../bot/index.js';
import { scheduleDigest } from '../../digest/schedule.js';
import { loadConfig } from '../config/load.js';
import { createEngine } from '../../engine/index.js';
import { openStore } from '../../analysis/open-store.js';
import { InputError, WorkError } from '../../core/errors.js';
import { prepareAdapter } from '../adapters.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { DAY_MS } from '../../core/time/units.js';
import { retentionCutoff } from '../../store/retention.js';

/**
 * `fingertip start [--adapter NAME]...`: the adapters named (each once), else those configured, else
 * the shell on the embedded SQLite file. With the shell, it ends when standard input does.
 */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseCommandArgs('start', argv, { adapter: { type: 'string', multiple: true } });
  if (positionals.length) throw new InputError(`start: unexpected argument "${positionals[0]}"`);
  const config = loadConfig(values.config as string | undefined, ctx.env);
  const named = (values.adapter as string[] | undefined) ?? [];
  const configured = Object.keys(config.adapters);
  // Each adapter once: two shells would read the same stdin, two Slack adapters bind one port.
  const names = [...new Set(named.length ? named : configured.length ? configured : ['shell'])];
  const engine = createEngine(config.rules, { model: config.model });
  // Checked before the store opens: a mistyped name or a missing token leaves no new database file behind.
  const makers = [];
  for (const name of names) makers.push(await prepareAdapter(name, config, ctx));
  const store = await openStore(config.db, config.timezone);
  try {
    const adapters = makers.map((make) => make(store));
    const log = (line: string) => ctx.stderr.write(`${line}\n`);
    const bot = new Bot({ config, store, engine, adapters, log });
    // Through the bot, which writes again the groups a purge took the names of.
    const purge = () => bot.purge(retentionCutoff(config.retentionDays)).catch((err: Error) => log(`retention purge failed: ${err.message}`));
    await purge();
    // A bot runs for months: the retention is applied daily, not only at start.
    const daily = setInterval(purge, DAY_MS).unref();
    await bot.start();
    const digest = await scheduleDigest({ config, store, adapters, log });
    const shell = adapters.find((a) => a.platform === 'shell') as { finished?: Promise<number> } | undefined;
    let onSignal!: () => void;
    const stopSignal = new Promise<void>((resolve) => (onSignal = resolve));
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    await Promise.race([shell?.finished ?? new Promise<number>(() => {}), stopSignal]);
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    clearInterval(daily);
    await digest.stop();
    // Stopped by a signal, the shell takes no more lines and finishes those it took before the store closes.
    await bot.stop();
    const failed = (await shell?.finished) ?? 0;
    if (failed) throw new WorkError(`start: ${failed} input line${failed === 1 ? ' was' : 's were'} not handled (the errors above say why)`);
  } finally {
    await store.close();
  }
  return 0;
};
