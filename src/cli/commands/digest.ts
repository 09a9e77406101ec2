import type { Adapter } from '../../core/adapter.js';
import { loadConfig } from '../config/load.js';
import { digestRecipients, type Recipient } from '../../digest/recipients.js';
import { sendDigests, writtenDigest } from '../../digest/send-digests.js';
import { KnownPeople } from '../../digest/known-people.js';
import { TEXTS } from '../../digest/texts.js';
import { lastCompleteWeek } from '../../digest/weeks.js';
import { openExistingStore } from '../existing-store.js';
import { weekRange } from '../../core/time/iso-week.js';
import { InputError, WorkError, oneLine } from '../../core/errors.js';
import { createAdapter, type AdapterDeps } from '../adapters.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';

/** With nobody subscribed, `--print` still shows the digest of every group. */
const EVERYONE: Recipient = { platform: '-', user: 'all groups', scope: {} };

/**
 * `fingertip digest [--week YYYY-Www] (--print | --send)`: the week defaults to the last complete one.
 * --print writes each supervisor's text to stdout and records nothing; --send readies the adapters the
 * supervisors need for sending alone, delivers (with retries), records each delivery, and exits 1 if
 * any finally failed.
 * Without --week, --send also catches up on weeks owed, as the schedule in `start` does.
 */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseCommandArgs('digest', argv, {
    week: { type: 'string' },
    print: { type: 'boolean' },
    send: { type: 'boolean' },
  });
  if (positionals.length) throw new InputError(`digest: unexpected argument "${positionals[0]}"`);
  if (Boolean(values.print) === Boolean(values.send)) throw new InputError('digest: give exactly one of --print or --send');
  const config = loadConfig(values.config as string | undefined, ctx.env);
  const tz = config.timezone;
  const week = values.week as string | undefined;
  if (week !== undefined) weekRange(week, tz, '--week');
  const upTo = week ?? lastCompleteWeek(Date.now(), tz);
  const store = await openExistingStore(config.db, config.timezone);
  try {
    const recipients = await digestRecipients(config, store);
    if (values.print) {
      const texts: string[] = [];
      const readers = recipients.length ? recipients : [EVERYONE];
      const knownPeople = new KnownPeople(store, readers);
      for (const r of readers) {
        const { digest, text } = await writtenDigest({ config, store, knownPeople }, r, upTo);
        texts.push(`== ${r === EVERYONE ? TEXTS[digest.lang].everyone : `${r.platform}:${r.user}`} ==\n${text}\n`);
      }
      ctx.stdout.write(texts.join('\n'));
      return 0;
    }
    if (!recipients.length) throw new InputError('digest: no supervisors (set digest.supervisors, or run `config supervisor <user>` in a group)');
    const log = (line: string) => ctx.stderr.write(`${line}\n`);
    const adapters = await startAdapters([...new Set(recipients.map((r) => r.platform))], { config, store, ctx }, log);
    try {
      const outcome = await sendDigests({ config, store, deliveries: store, adapters, now: Date.now, log }, { upTo, catchUp: week === undefined });
      // Nothing owed is no failure, but a silent exit reads as a send that did nothing.
      const total = outcome.sent + outcome.failed + outcome.unrecorded;
      if (total === 0) log(`digest: nothing to send: ${upTo} was already sent to every supervisor (or another run is sending it)`);
      const problems = [
        outcome.failed > 0 && `${outcome.failed} of ${total} deliveries failed; they are recorded and retried on the next run`,
        outcome.unrecorded > 0 && `${outcome.unrecorded} of ${total} were delivered but not recorded as sent; a run an hour or more later may send them again`,
      ].filter((p) => p !== false);
      if (problems.length) throw new WorkError(`digest: ${problems.join('; ')}`);
    } finally {
      for (const a of adapters) await a.stop().catch((err: unknown) => log(`digest: stopping ${a.platform}: ${oneLine(err)}`));
    }
    return 0;
  } finally {
    await store.close();
  }
};

/**
 * The adapters of these platforms, started; one that cannot start is logged and left out, so its
 * supervisors' deliveries are recorded as failed rather than stopping the others.
 */
async function startAdapters(platforms: string[], deps: AdapterDeps, log: (line: string) => void): Promise<Adapter[]> {
  const started: Adapter[] = [];
  for (const name of platforms) {
    try {
      const adapter = await createAdapter(name, deps);
      // Sending only, beside the running bot: its port, socket and events stay its own. Where the
      // platform must connect fully, messages arriving meanwhile are the bot's to count, not ours.
      await (adapter.startSending ? adapter.startSending() : adapter.start(async () => {}));
      started.push(adapter);
    } catch (err) {
      log(`digest: cannot start the ${name} adapter: ${oneLine(err)}`);
    }
  }
  return started;
}
