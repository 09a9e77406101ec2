import { existsSync } from 'node:fs';
import { textReading } from '../../analysis/open-store.js';
import { InputError } from '../../core/errors.js';
import { migrateToPostgres } from '../../store/migrate-to.js';
import { isPostgresUrl, pgTarget } from '../../store/postgres/target.js';
import { parseCommandArgs } from '../args.js';
import { configTimezone, loadConfig } from '../config/load.js';
import type { Command } from '../context.js';

/**
 * `fingertip migrate --to postgres://… [--from FILE]`: copies the bot's SQLite database (the
 * configuration's `db`, or FILE) into an empty PostgreSQL database, for a deployment that outgrows
 * one machine. Run again after it was cut short, it finishes the copy (see claimCopyTarget). Prints
 * per table the rows read and copied. Deadlines the SQLite file's upgrade reads are read in the configuration's timezone
 * (with --from, the one setting read: see configTimezone).
 */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseCommandArgs('migrate', argv, { to: { type: 'string' }, from: { type: 'string' } });
  if (positionals.length) throw new InputError(`migrate: unexpected argument "${positionals[0]}"`);
  const to = values.to as string | undefined;
  if (!to || !isPostgresUrl(to)) throw new InputError('migrate: give --to postgres://user:password@host:port/database');
  const given = values.from as string | undefined;
  const configFile = values.config as string | undefined;
  // --from stands for the config's db, so the config is then read for its timezone alone.
  const { db: from, timezone } = given === undefined ? loadConfig(configFile, ctx.env) : { db: given, timezone: configTimezone(configFile, ctx.env) };
  if (isPostgresUrl(from)) throw new InputError('migrate: the source is a PostgreSQL database already; give the SQLite file with --from');
  if (!existsSync(from)) throw new InputError(`migrate: ${from}: no such database file`);
  const tables = await migrateToPostgres(from, to, textReading(timezone));
  const n = (x: number) => x.toLocaleString('en');
  for (const t of tables) ctx.stdout.write(`${t.table}: ${n(t.read)} read, ${n(t.copied)} copied, ${n(t.read - t.copied)} there already\n`);
  const copied = tables.reduce((sum, t) => sum + t.copied, 0);
  ctx.stdout.write(`copied ${n(copied)} rows from ${from} to ${pgTarget(to).display}\n`);
  return 0;
};
