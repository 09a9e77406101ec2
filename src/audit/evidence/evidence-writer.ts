import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { effectiveRecipients } from '../../burden/cost.js';
import type { MessageRecord } from '../../store/message-record.js';
import { formatIso } from '../../time/format.js';
import { InputError } from '../../util/errors.js';
import { csvRow } from './csv-row.js';
import type { Pseudonyms } from './pseudonyms.js';

export const EVIDENCE_COLUMNS = ['date', 'group', 'category', 'rule', 'demand text', 'recipients'];

/**
 * The anonymised evidence bundle of `--evidence FILE`: a CSV row per finding of every flagged message,
 * written as the audit streams (all of them, not only the report's heaviest). Names become pseudonyms;
 * a UTF-8 byte-order mark lets spreadsheet programs read Chinese text right.
 */
export class EvidenceWriter {
  private readonly out: WriteStream;
  private failed: Error | undefined;
  rows = 0;

  constructor(
    private readonly path: string,
    private readonly pseudonyms: Pseudonyms,
    private readonly timezone: string,
  ) {
    this.out = createWriteStream(path);
    this.out.on('error', (err) => (this.failed = err));
    this.out.write(`\uFEFF${csvRow(EVIDENCE_COLUMNS)}`);
  }

  /** Writes the rows of a flagged record; `groupName` and `groupMembers` as the report knows them. */
  async add(record: MessageRecord, groupName: string, groupMembers: number): Promise<void> {
    this.check();
    const date = formatIso(record.ts, this.timezone);
    const group = this.pseudonyms.scrub(groupName);
    const text = this.pseudonyms.scrub(record.text ?? '');
    const recipients = effectiveRecipients(record.recipients, groupMembers);
    let ok = true;
    for (const f of record.findings) {
      ok = this.out.write(csvRow([date, group, f.category, f.rule, text, recipients]));
      this.rows++;
    }
    if (!ok) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    if (!this.out.closed) await once(this.out, 'close').catch(() => undefined);
    this.check();
  }

  private check(): void {
    if (this.failed) throw new InputError(`--evidence ${this.path}: cannot write (${(this.failed as NodeJS.ErrnoException).code ?? this.failed.message})`);
  }
}
