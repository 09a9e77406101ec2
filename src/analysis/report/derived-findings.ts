import type { GroupKey } from '../../core/group-key.js';
import type { ReportRecord } from '../../core/message-record.js';
import { excerpt } from '../../core/excerpt.js';
import type { Replacement } from '../../core/replaced-spans.js';
import { AckStormDetector } from '../derived/ack-storm.js';
import { DemandTable } from '../derived/demand-table.js';
import { DuplicateDetector } from '../derived/duplicate-request.js';
import type { Report } from './report.js';
import type { DemandPlace, GroupRef, QuotedDemand, ReportDetails } from './details.js';
import { DemandQuotes } from './demand-quotes.js';

/** How many messages of a duplicate request the Markdown and HTML reports place in time. */
export const DUPLICATES_SHOWN = 10;
/**
 * How many derived findings of each kind the Markdown and HTML reports show (placing and quoting the
 * demands of each), as their tables stop at 50 rows: a million messages' report found thousands, each
 * a message to read back, and 200 groups sharing members make 19,900 pairs (the JSON lists every one).
 */
export const FINDINGS_SHOWN = 50;

/** Where and when a demand was sent, as a report shows it: from its platform, group id and time. */
export type PlaceOf = (platform: string, groupId: string, ts: number) => DemandPlace;

/**
 * The report's ack storms and duplicate requests: every demand once, for both detectors, with its
 * first words to quote. Found once all records are in; a store's lean records come without text, so
 * the few quoted demands' texts are read back (`toRead`, `fill`).
 */
export class DerivedFindings {
  private readonly demands = new DemandTable();
  private readonly acks = new AckStormDetector(this.demands);
  private readonly duplicates = new DuplicateDetector(this.demands);
  private readonly quotes = new DemandQuotes();
  /** Texts read later for the demands the findings quote, by message key. */
  private readonly readTexts = new Map<GroupKey, string | null>();
  /** Found once: the JSON and the details both show them. */
  private derived: { storms: { row: number; acks: number }[]; duplicates: ReturnType<DuplicateDetector['found']> } | undefined;

  /** One message: a demand (it has categories) or anything an ack storm may count. */
  add(record: ReportRecord): void {
    if (record.categories.length === 0) {
      this.acks.add(record);
      return;
    }
    const row = this.demands.add(record);
    this.quotes.add(record.text);
    this.acks.add(record, row);
    this.duplicates.add(record, row);
  }

  /** A demand removed from the store: it takes the acks after it, and counts in nothing (see AckStormDetector.addRemoved). */
  addRemoved(demand: Pick<ReportRecord, 'platform' | 'groupId' | 'ts'>, inOrder = false): void {
    this.acks.addRemoved(demand, inOrder);
  }

  /** The text of demands with this hash, for records that came without text: duplicates are compared by it. */
  addText(hash: string, text: string): void {
    this.duplicates.addText(hash, text);
  }

  /** Each quoted demand whose record came without text, by platform and id. */
  toRead(want: (platform: string, id: string) => void): void {
    for (const row of this.quotedRows()) if (this.quotes.get(row) === undefined) want(this.demands.groupOf(row).platform, this.demands.ids[row]);
  }

  /** A message's text as stored, for `toRead`, by its messageKey (platform, group and id). */
  fill(key: GroupKey, text: string | null): void {
    this.readTexts.set(key, text);
  }

  /** The findings as the contract's JSON gives them, by message id. */
  results(): Pick<Report, 'duplicates' | 'ack_storms'> {
    const { storms, duplicates } = this.found();
    const { ids } = this.demands;
    return {
      duplicates: duplicates.map(({ rows, groups }) => ({ message_ids: rows.map((r) => ids[r]), groups: groups.map((g) => g.groupId) })),
      ack_storms: storms.map(({ row, acks }) => ({ message_id: ids[row], acks })),
    };
  }

  /** The groups of every finding, as `results` gives them, by platform and id. */
  groups(): { ackStorms: GroupRef[]; duplicates: GroupRef[][] } {
    const { storms, duplicates } = this.found();
    const ref = ({ platform, groupId }: { platform: string; groupId: string }): GroupRef => ({ platform, id: groupId });
    return { ackStorms: storms.map(({ row }) => ref(this.demands.groupOf(row))), duplicates: duplicates.map((d) => d.groups.map(ref)) };
  }

  /** The first FINDINGS_SHOWN of each kind, placed and quoted (`hide` hiding names in the words quoted), for the Markdown and HTML reports. */
  shown(placeOf: PlaceOf, hide?: (text: string, upTo: number, found: Replacement[]) => string): Pick<ReportDetails, 'ackStorms' | 'duplicates'> {
    const { storms, duplicates } = this.found();
    const place = (row: number): DemandPlace => {
      const { platform, groupId } = this.demands.groupOf(row);
      return placeOf(platform, groupId, this.demands.timeOf(row));
    };
    return {
      ackStorms: storms.slice(0, FINDINGS_SHOWN).map(({ row }) => ({ ...place(row), quote: this.quoteOf(row, hide) })),
      duplicates: duplicates
        .slice(0, FINDINGS_SHOWN)
        .map(({ rows }) => ({ quote: this.quoteOf(rows[0], hide), messages: rows.slice(0, DUPLICATES_SHOWN).map(place) })),
    };
  }

  private found(): NonNullable<DerivedFindings['derived']> {
    return (this.derived ??= { storms: this.acks.found(), duplicates: this.duplicates.found() });
  }

  /** The demands the findings quote: each shown storm's, and each shown duplicate request's first. */
  private quotedRows(): number[] {
    const { storms, duplicates } = this.found();
    return [...storms.slice(0, FINDINGS_SHOWN).map((s) => s.row), ...duplicates.slice(0, FINDINGS_SHOWN).map((d) => d.rows[0])];
  }

  /** A demand's first words: hidden names go before the text is cut, so none is cut to a part that shows. */
  private quoteOf(row: number, hide?: (text: string, upTo: number, found: Replacement[]) => string): QuotedDemand['quote'] {
    // A record that came with its text left its first words (those of an export, which hides no one); one without, its text read back.
    const kept = this.quotes.get(row);
    const text = kept === undefined ? this.readTexts.get(this.demands.messageKey(row)) : kept;
    return typeof text === 'string' ? excerpt(text, undefined, hide) : null;
  }
}
