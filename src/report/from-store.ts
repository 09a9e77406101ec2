import type { Config } from '../config/config.js';
import type { Scope, Store } from '../store/store.js';
import { offsetMs } from '../time/zone.js';
import { ReportBuilder } from './builder.js';

const HOUR = 3_600_000;
const QUARTER = 900_000;

/**
 * Buckets for counting quiet messages must not straddle a local midnight: hours do where the zone's
 * offset is whole hours (most zones, DST included), quarter hours everywhere (India, Nepal, ...).
 */
function bucketFor(tz: string, period: { from: number; to: number }): number {
  return offsetMs(period.from, tz) % HOUR === 0 && offsetMs(period.to - 1, tz) % HOUR === 0 ? HOUR : QUARTER;
}

/**
 * The report builder fed from the bot's database so that a week of a million messages reads quickly,
 * and gives the same report as feeding every record (`fingertip audit` does that): the bulk of quiet
 * messages as counts per group and hour; demands and acknowledgements one by one, without text or
 * findings; then one text per hash of demands for the duplicate finder, and text and findings of
 * the messages kept as evidence.
 */
/** What storedReport reads of a store. */
export type ReportStore = Pick<Store, 'groups' | 'quietCounts' | 'reportRecords' | 'demandTexts' | 'messages'>;

export async function storedReport(store: ReportStore, config: Config, period: { from: number; to: number }, narrow: Omit<Scope, 'from' | 'to'> = {}): Promise<ReportBuilder> {
  const builder = new ReportBuilder({ config, ...period });
  const wanted = narrow.groupIds && new Set(narrow.groupIds);
  for (const g of await store.groups(narrow.platform)) {
    // The store says 0 members when unknown; the builder then falls back to what messages saw.
    if (!wanted || wanted.has(g.id)) builder.addGroup({ id: g.id, name: g.name, members: g.members || undefined, memberIds: g.memberIds.length ? g.memberIds : undefined });
  }
  const scope = { ...narrow, ...period };
  // The store reads the aggregates on a connection of their own, so SQLite works on them while we build.
  const [quiet, texts] = await Promise.all([
    store.quietCounts(scope, bucketFor(config.timezone, period)),
    store.demandTexts(scope),
    (async () => {
      for await (const record of store.reportRecords(scope)) builder.add(record);
    })(),
  ]);
  // Quiet counts only add to counts and to a group's size as seen from messages, which the figures
  // read at build time; evidence is ranked as demands arrive, with the group sizes the store knows.
  for (const q of quiet) builder.addQuiet(q);
  for (const { hash, text } of texts) builder.addDemandText(hash, text);
  for (const [platform, ids] of builder.evidenceToRead()) {
    for (const record of await store.messages(platform, ids)) builder.fillEvidence(record);
  }
  return builder;
}
