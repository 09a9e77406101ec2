import { feedbackLines } from '../../analysis/feedback-lines.js';
import { InputError } from '../../core/errors.js';
import { parseCommandArgs } from '../args.js';
import { writeOut } from '../../core/write-out.js';
import { loadConfig } from '../config/load.js';
import { outPath } from '../out-path.js';
import type { Command } from '../context.js';
import { openExistingStore } from '../existing-store.js';

/**
 * `fingertip feedback export [--out FILE]`: the messages members marked "not formalism" or reported
 * `missed`, as labelled JSONL lines that `npm run train -- --add FILE` trains on, so a deployment can
 * teach the model its own groups' language. What was left out, and why, goes to stderr.
 */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseCommandArgs('feedback', argv, { out: { type: 'string' } });
  const [sub, extra] = positionals;
  if (sub !== 'export' || extra !== undefined)
    throw new InputError(
      `feedback: ${sub === undefined ? 'no subcommand' : sub !== 'export' ? `unknown subcommand "${sub}"` : `unexpected argument "${extra}"`} (use feedback export [--out FILE])`,
    );
  const config = loadConfig(values.config as string | undefined, ctx.env);
  const store = await openExistingStore(config.db, config.timezone);
  let exported;
  try {
    exported = feedbackLines(await store.falsePositives(), await store.missedDemands());
  } finally {
    await store.close();
  }
  const text = exported.lines.map((l) => `${JSON.stringify(l)}\n`).join('');
  const out = outPath(values.out);
  if (out) await writeOut(out, text);
  else ctx.stdout.write(text);
  const left = [
    exported.withoutText && `${exported.withoutText} without text (their senders were forgotten)`,
    exported.unknownLabels && `${exported.unknownLabels} purged after a correction of one rule only`,
    exported.repeats && `${exported.repeats} repeating the text and labels of another`,
  ].filter(Boolean);
  const missed = exported.missed ? ` (${exported.missed} reported missed)` : '';
  ctx.stderr.write(
    `feedback: exported ${exported.lines.length} corrected message${exported.lines.length === 1 ? '' : 's'}${missed}${left.length ? `; left out ${left.join(', ')}` : ''}\n`,
  );
  return 0;
};
