import type { Config } from '../../core/config.js';
import type { GroupInfo, Period, QuietCount, Scope, Store } from '../../store/store.js';
import { localDay, midnightOfDay } from '../../core/time/zone.js';
import { ReportBuilder } from './builder.js';
import type { NameHider } from './hidden-names.js';
import { collectGarbage } from '../../core/collect-garbage.js';
import { ACK_WINDOW_MS } from '../../core/ack-window.js';

/** The period cut at local midnights: quiet messages are counted a day at a time. */
function localDays(period: Period, tz: string): Period[] {
  const days: Period[] = [];
  for (let d = localDay(period.from, tz); midnightOfDay(d, tz) < period.to; d++) {
    days.push({ from: Math.max(period.from, midnightOfDay(d, tz)), to: Math.min(period.to, midnightOfDay(d + 1, tz)) });
  }
  return days;
}

/** What storedReport reads of a store. */
export type ReportStore = Pick<Store, 'groups' | 'quietCounts' | 'reportRecords' | 'lateReplies' | 'removedDemands' | 'demandTexts' | 'messages'>;

/**
 * The report builder fed from the bot's database so that a week of a million messages reads quickly,
 * and gives the same report as feeding every record (`fingertip audit` does that): the bulk of quiet
 * messages as counts per group and local day; demands and acknowledgements one by one, without text
 * or findings, and the demands removed since (recalled), which take the acks after them, and those
 * of the ack window after the period, whose acks may still answer its demands, and the later acks
 * replying to its demands; then one
 * text per hash of demands for the duplicate finder, and text and findings of the messages kept as
 * evidence and of the demands the derived findings quote. `hide` hides members who
 * opted out or were forgotten in the groups' names and in the texts the report shows. `groups`: those
 * of `narrow` as the store gives them, where the caller read them already (a digest, for its weeks).
 * Garbage is collected first: the bot builds digests in the process that stores messages, whose heap
 * may still hold a burst's garbage, and the report's columns then take its room instead of adding to it.
 */
export async function storedReport(
  store: ReportStore,
  config: Config,
  period: Period,
  narrow: Omit<Scope, 'from' | 'to'> = {},
  hide?: NameHider,
  groups?: readonly (GroupInfo & { platform: string })[],
): Promise<ReportBuilder> {
  collectGarbage();
  const builder = new ReportBuilder({ config, ...period, hide });
  for (const g of groups ?? (await store.groups(narrow.platform, narrow.groupIds))) {
    // The store says 0 members when the platform gives no size (DingTalk); its list then holds those seen
    // speaking there, the group's size at least, though no roster to compare for sprawl. With neither,
    // the builder falls back to what messages saw.
    builder.addGroup({
      platform: g.platform,
      id: g.id,
      name: g.name,
      members: g.members || g.memberIds.length + g.unlisted || undefined,
      memberIds: g.members && g.memberIds.length ? g.memberIds : undefined,
    });
  }
  const scope = { ...narrow, ...period };
  // The store reads the aggregates on a connection of their own, so SQLite works on them while we build.
  const [quiet, texts, removed] = await Promise.all([
    (async () => {
      const counts: QuietCount[] = [];
      for (const day of localDays(period, config.timezone)) counts.push(...(await store.quietCounts({ ...narrow, ...day })));
      return counts;
    })(),
    store.demandTexts(scope),
    store.removedDemands(scope),
    (async () => {
      for await (const record of store.reportRecords(scope)) builder.add(record);
    })(),
  ]);
  // A storm's acks may run past the period's end (a demand at 23:50 on Sunday, acks until 00:01): the
  // demands and acks of the ack window after it are read too, counted only toward the period's demands.
  const after = { ...narrow, from: period.to, to: period.to + ACK_WINDOW_MS };
  for await (const record of store.reportRecords(after)) builder.addAfterPeriod(record);
  // A quote-reply counts toward its demand however late it came, as in an audit: those after the window too.
  for (const record of await store.lateReplies(scope, after.to)) builder.addAfterPeriod(record);
  for (const d of await store.removedDemands(after)) builder.addRemovedDemand(d);
  // Quiet counts only add to counts and to a group's size as seen from messages, which the figures
  // read at build time; evidence is ranked as demands arrive, with the group sizes the store knows.
  for (const q of quiet) builder.addQuiet(q);
  // Only the period's: an ack in it whose latest demand was sent before it counts toward nothing anyway.
  for (const d of removed) builder.addRemovedDemand(d);
  for (const { hash, text } of texts) builder.addDemandText(hash, text);
  for (const [platform, ids] of builder.textsToRead()) builder.fillTexts(await store.messages(platform, ids));
  return builder;
}
