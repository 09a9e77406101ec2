import { InputError, ReaderGone, WorkError, oneLine } from '../core/errors.js';
import { processContext, type CliContext, type Command } from './context.js';
import { packageVersion } from './package-version.js';

const COMMAND_LINE = 'usage: fingertip <start|classify|audit|report|digest|feedback|rules|migrate> [options]';

/** The one line a usage error prints. */
export const USAGE = `${COMMAND_LINE}  (fingertip help for details)`;

export const HELP = `${COMMAND_LINE}

  start [--adapter NAME]... [--config FILE]          run the bot (default: the shell adapter)
  classify [FILE|-] [--text]                          classify JSONL (or plain text) messages
  audit EXPORT... [--format json|md|html] [--lang zh|en] [--out FILE] [--evidence FILE] [--skip-bad]
                                                      report on exported chat history
  report [--week YYYY-Www] [--format json|md|html] [--lang zh|en] [--out FILE]
                                                      the same report from the bot's database
  digest [--week YYYY-Www] (--print | --send)         the weekly digest for supervisors
  feedback export [--out FILE]                        messages marked "not formalism" or reported missed, as lines to train on
  rules test|lint|list [DIR]                          run rule examples, check rules, list rules
  migrate --to postgres://… [--from FILE]             copy the bot's SQLite database into PostgreSQL

Every command accepts --config FILE (or FINGERTIP_CONFIG).`;

// Loaded lazily so that `classify` does not pay for the chat SDKs that `start` needs.
const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  start: () => import('./commands/start.js'),
  classify: () => import('./commands/classify.js'),
  audit: () => import('./commands/audit.js'),
  report: () => import('./commands/report.js'),
  digest: () => import('./commands/digest.js'),
  feedback: () => import('./commands/feedback.js'),
  rules: () => import('./commands/rules.js'),
  migrate: () => import('./commands/migrate.js'),
};

/** A command's lines of HELP (its usage and any continuation), for `fingertip <command> --help`. */
function commandHelp(name: string): string {
  const lines = HELP.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  ${name} `));
  let end = at + 1;
  while (end < lines.length && /^ {20,}\S/.test(lines[end])) end++;
  return [`usage: fingertip ${lines[at].trim()}`, ...lines.slice(at + 1, end).map((l) => l.trim())].join('\n    ');
}

/** Runs one command line and returns the exit status: 0 ok, 1 the work failed, 2 bad usage or input. */
export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    ctx.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    ctx.stdout.write(`fingertip ${packageVersion()}\n`);
    return 0;
  }
  const load = name === undefined ? undefined : COMMANDS[name];
  if (load && (rest.includes('--help') || rest.includes('-h'))) {
    ctx.stdout.write(`${commandHelp(name!)}\n\nEvery command accepts --config FILE (or FINGERTIP_CONFIG).\n`);
    return 0;
  }
  if (!load) {
    // One line, as every usage error: scripts read the first line of stderr.
    ctx.stderr.write(`fingertip: ${name === undefined ? 'no command given' : `unknown command "${name}"`}; ${USAGE}\n`);
    return 2;
  }
  try {
    const { run } = await load();
    return await run(rest, ctx);
  } catch (err) {
    // As processContext does for standard output: the reader chose to stop, nothing to tell it.
    if (err instanceof ReaderGone) return 1;
    // Errors name their command for callers that are not the CLI; said once here.
    const reason = oneLine(err);
    ctx.stderr.write(`fingertip ${name}: ${reason.startsWith(`${name}: `) ? reason.slice(name.length + 2) : reason}\n`);
    if (err instanceof InputError) return 2;
    if (err instanceof WorkError) return 1;
    // Unexpected errors are bugs: keep the one-line promise but show where in the debug env.
    if (ctx.env.FINGERTIP_DEBUG && err instanceof Error) ctx.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
