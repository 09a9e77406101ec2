import { closeSync, createWriteStream, mkdtempSync, openSync, rmSync, type ReadStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { effectiveRecipients } from '../../analysis/cost.js';
import type { MessageRecord } from '../../core/message-record.js';
import { formatIso } from '../../core/time/format.js';
import { writeError } from '../../core/write-error.js';
import { checkOut, OutFile } from '../../core/write-out.js';
import { onInterrupt } from '../../core/on-interrupt.js';
import { readLines } from '../../core/read-lines.js';
import { fileStream } from '../open-file.js';
import { csvRow } from './csv-row.js';
import type { Pseudonyms } from '../../core/pseudonyms.js';

/** The one line for a bundle that cannot be written: the file, and the system's code for why. */
const cannotWrite = (path: string, err: unknown): Error => writeError(`--evidence ${path}`, err);

export const EVIDENCE_COLUMNS = ['date', 'group', 'category', 'rule', 'demand text', 'recipients'];

/** What the bundle needs of a flagged message, spooled until names and group sizes are all known. */
interface Spooled {
  ts: number;
  platform: string;
  groupId: string;
  recipients: number;
  text: string;
  findings: [category: string, rule: string][];
}

/** Writes to a stream, waiting when it asks to; a stream that failed (ENOSPC) rejects instead of never draining. */
async function put(out: WriteStream, text: string): Promise<void> {
  if (out.destroyed) throw out.errored ?? new Error('the file was closed');
  // `once` rejects if the stream errors while it waits.
  if (!out.write(text)) await once(out, 'drain');
}

async function closed(out: WriteStream): Promise<void> {
  out.end();
  if (!out.closed) await once(out, 'close');
}

/**
 * The anonymised evidence bundle of `--evidence FILE`: a CSV row per finding of every flagged message
 * (all of them, not only the report's heaviest). Rows are spooled to a temporary file while the audit
 * streams and written at the end, when every member's name is known to be replaced by a pseudonym and
 * every group's size is known. A UTF-8 byte-order mark lets spreadsheet programs read Chinese right.
 */
export class EvidenceWriter {
  private readonly spool: WriteStream;
  /** The spool's descriptor to read it back through, until finish() reads it; then that reading. */
  private spooled: number | ReadStream | undefined;
  private readonly stopListening: () => void;
  /** Where finish() writes the bundle, as --out is written; what it wrote beside FILE is removed if not renamed over FILE. */
  private file: OutFile | undefined;
  rows = 0;

  private constructor(private readonly path: string) {
    // The spool holds the demands as sent, names and all: opened for writing and for reading back, then
    // its name removed at once, it ends with the process however that ends (SIGKILL, a power cut), and
    // nothing of it is ever left in the temporary folder. Opened at once, so that abandoning the audit
    // at any moment cannot race the stream's own open.
    const dir = mkdtempSync(join(tmpdir(), 'fingertip-evidence-'));
    try {
      const file = join(dir, 'spool.jsonl');
      this.spool = createWriteStream('', { fd: openSync(file, 'w') });
      this.spooled = openSync(file, 'r');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // An interrupted audit removes the bundle not yet renamed over FILE.
    this.stopListening = onInterrupt(() => this.abandon());
    // A write that fails after it was buffered (a full temporary disk) is kept for the next call, not thrown at the process.
    this.spool.on('error', (err) => (this.spoolError ??= err as NodeJS.ErrnoException));
  }

  private spoolError: NodeJS.ErrnoException | undefined;

  private spoolFailed(): Error {
    return writeError(`--evidence ${this.path}: the bundle's spool`, this.spoolError);
  }

  /**
   * Checks at once, as for --out, that FILE can be written, rather than after a long audit. FILE is
   * not created, nor its contents touched, before the bundle is written.
   */
  static async create(path: string): Promise<EvidenceWriter> {
    await checkOut(path, `--evidence ${path}`);
    return new EvidenceWriter(path);
  }

  async add(record: MessageRecord): Promise<void> {
    if (this.spoolError) throw this.spoolFailed();
    const s: Spooled = {
      ts: record.ts,
      platform: record.platform,
      groupId: record.groupId,
      recipients: record.recipients,
      text: record.text ?? '',
      findings: record.findings.map((f) => [f.category, f.rule]),
    };
    try {
      await put(this.spool, `${JSON.stringify(s)}\n`);
    } catch (err) {
      this.spoolError ??= err as NodeJS.ErrnoException;
      throw this.spoolFailed();
    }
  }

  /**
   * Writes the CSV beside FILE (a device, pipe or descriptor as it is); commit() puts it in FILE's
   * place. `groupOf` gives a group's name and size as finally known.
   */
  async finish(
    pseudonyms: Pseudonyms,
    groupOf: (platform: string, id: string) => { name: string; members: number } | undefined,
    timezone: string,
  ): Promise<void> {
    await closed(this.spool);
    if (this.spoolError) {
      this.abandon();
      throw this.spoolFailed();
    }
    // A file is written beside FILE (or the file a link leads to) and renamed over it: FILE is the old
    // bundle or the whole new one, never half of one. A device, pipe or /dev/stdout is written as it is.
    const file = await OutFile.at(this.path);
    let out: WriteStream;
    try {
      // Opened here: an open that fails is an error now, not a stream that never drains; and not
      // synchronously, as a pipe's open waits for its reader, and Ctrl-C must still stop the audit.
      out = await file.stream();
    } catch (err) {
      this.abandon();
      throw cannotWrite(this.path, err);
    }
    this.file = file;
    const failed = once(out, 'error').then(([err]) => err as NodeJS.ErrnoException);
    try {
      await put(out, `\uFEFF${csvRow(EVIDENCE_COLUMNS)}`);
      if (typeof this.spooled !== 'number') throw new Error('the spool was abandoned');
      const spooled = fileStream(this.spooled);
      this.spooled = spooled;
      for await (const line of readLines(spooled)) {
        if (!line.text) continue;
        const s = JSON.parse(line.text) as Spooled;
        const g = groupOf(s.platform, s.groupId);
        const date = formatIso(s.ts, timezone);
        const group = pseudonyms.scrub(g?.name ?? s.groupId);
        const text = pseudonyms.scrub(s.text);
        const recipients = effectiveRecipients(s.recipients, g?.members ?? 0);
        for (const [category, rule] of s.findings) {
          await put(out, csvRow([date, group, category, rule, text, recipients]));
          this.rows++;
        }
      }
      await Promise.race([closed(out), failed.then((err) => Promise.reject(err))]);
    } catch (err) {
      out.destroy();
      this.abandon();
      throw cannotWrite(this.path, err);
    }
    this.dropSpool();
  }

  /**
   * Puts the bundle finish() wrote in FILE's place: after the report is written, so that an audit
   * whose report cannot be written leaves FILE as it was.
   */
  async commit(): Promise<void> {
    try {
      await this.file?.done();
    } catch (err) {
      throw cannotWrite(this.path, err);
    } finally {
      this.abandon();
    }
  }

  /**
   * Removes the spool and a bundle not yet renamed over FILE: after a failed or interrupted audit,
   * FILE is as it was, or not there.
   */
  abandon(): void {
    this.stopListening();
    this.dropSpool();
    this.file?.discard();
  }

  private dropSpool(): void {
    this.spool.destroy();
    // Its last descriptor closed, the spool's space is freed.
    if (typeof this.spooled === 'number') closeSync(this.spooled);
    else this.spooled?.destroy();
    this.spooled = undefined;
  }
}
