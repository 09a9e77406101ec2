import type { Config } from '../core/config.js';
import { groupKey, type GroupKey } from '../core/group-key.js';
import type { ReportDetails } from '../analysis/report/details.js';
import { ReportBuilder } from '../analysis/report/builder.js';
import type { Report } from '../analysis/report/report.js';
import { toRecord } from '../analysis/record/to-record.js';
import type { ChatMessage } from '../core/chat-message.js';
import type { Classification } from '../core/finding.js';
import { BadEntries } from './bad-entries.js';
import { startClassifier } from './classify/start-classifier.js';
import { ClassifiedInOrder } from './classify/in-order.js';
import { openExport } from './detect.js';
import { EvidenceWriter } from './evidence/evidence-writer.js';
import { Pseudonyms, PSEUDONYM_PREFIX } from '../core/pseudonyms.js';
import type { Lang } from '../core/lang.js';
import { reportLanguage } from '../render/report-language.js';
import type { AuditGroup, OpenedExport, ReadHooks } from './export.js';
import { NO_PROGRESS, type Progress } from './progress.js';
import { SeenMessages } from './seen-messages.js';
import { counted } from '../core/counted.js';

export interface AuditOptions {
  config: Config;
  /** Report and skip broken entries instead of stopping at the first. */
  skipBad?: boolean;
  /** Where a skipped entry, or messages left out, are reported, one line each. */
  warn?: (line: string) => void;
  progress?: Progress;
  /** Writes the anonymised evidence CSV here. */
  evidencePath?: string;
  /** The report's language, when chosen: the evidence's pseudonyms are in it (成员1 or Member 1); else it is chosen as for the report. */
  lang?: Lang;
  /**
   * Classify on a worker thread (the default) while this one reads and builds the report; false
   * classifies here, as where no worker can start. The report is the same either way.
   */
  worker?: boolean;
  /**
   * Writes the report, before the evidence bundle is put in FILE's place: a report that cannot be
   * written (a full disk) leaves an earlier bundle as it was.
   */
  writeReport?: (done: Pick<AuditResult, 'report' | 'details' | 'skipped'>) => Promise<void>;
}

export interface AuditResult {
  report: Report;
  details: ReportDetails;
  /** Broken entries skipped under `skipBad`. */
  skipped: number;
  /** Messages read again (platform, group, id, text and time already read, in overlapping exports), counted once. */
  repeated: number;
  /** Rows written to the evidence CSV. */
  evidenceRows: number;
  /** Whether a worker thread classified the messages. */
  classifiedOnWorker: boolean;
}

/**
 * Says that `n` messages of `path` had the platform, group and id of messages read before (from
 * `first`, else from `path` itself) but not their text or time. Such messages are not the same
 * message: exports of two chats that number their messages alike, or a message edited between two
 * exports. Both are kept, as dropping one would lose a message unseen.
 */
function clashLine(path: string, first: string | undefined, n: number): string {
  return `${path}: ${counted(n, 'message')} with the platform, group and id of one read before from ${first ?? 'this file'} but another text or time: kept both`;
}

/**
 * The offline audit: the messages of every export stream once through the same engine, record and
 * report builder as the bot's, into one report, so that duplicates across groups of different exports
 * are found. Memory holds the builder's counts and each group's members, not the messages (but for
 * the few batches the classifier thread has in hand).
 */
export async function runAudit(paths: string[], opts: AuditOptions): Promise<AuditResult> {
  const { config } = opts;
  const progress = opts.progress ?? NO_PROGRESS;
  const bad = new BadEntries(opts.skipBad ?? false, (line) => {
    progress.clear();
    opts.warn?.(line);
  });
  const builder = new ReportBuilder({ config });
  const hooks: ReadHooks = {
    bad: (where, why) => bad.bad(where, why),
    note: (line) => {
      progress.clear();
      opts.warn?.(line);
    },
    leftOut: (ts) => builder.dateBy(ts),
    expect: (n) => progress.expect(n),
    progress: (n) => progress.advance(n),
  };
  // The engine loads (and refuses bad rules or a bad model) before any export is read.
  const classifier = await startClassifier({ rules: config.rules, options: { model: config.model } }, opts.worker);
  let evidence: EvidenceWriter | undefined;
  const seen = new SeenMessages();
  let repeated = 0;
  let report: Report;
  let details: ReportDetails;
  const groups = new Map<GroupKey, AuditGroup>();
  const add = (msg: ChatMessage, cls: Classification): Promise<void> | undefined => {
    const record = toRecord(msg, cls, config.timezone);
    builder.add(record);
    return evidence && record.categories.length > 0 ? evidence.add(record) : undefined;
  };
  try {
    // Every export is opened (and detected) first, so a wrong path fails before a long read.
    const exports: OpenedExport[] = [];
    for (const path of paths) exports.push(await openExport(path, hooks));
    evidence = opts.evidencePath ? await EvidenceWriter.create(opts.evidencePath) : undefined;
    for (const [source, e] of exports.entries()) {
      const inOrder = new ClassifiedInOrder(classifier, (msg, cls) => add(msg, cls));
      // Messages kept though an export read their key before with another text or time, by that export: said once each.
      const clashes = new Map<number, number>();
      for await (const msg of e.messages()) {
        progress.message();
        const sighting = seen.add(msg.platform, msg.group?.id ?? '', msg.id, msg.text, msg.ts, source);
        if (sighting === 'again') {
          repeated++;
          continue;
        }
        if (sighting !== 'new') clashes.set(sighting.first, (clashes.get(sighting.first) ?? 0) + 1);
        await inOrder.push(msg);
      }
      await inOrder.flush();
      for (const [first, n] of clashes) hooks.note(clashLine(e.path, first === source ? undefined : exports[first].path, n));
      // Group sizes count at build time, so groups whose members are known only now cost the same.
      for (const g of e.groups()) {
        builder.addGroup(g);
        groups.set(groupKey(g.platform, g.id), g);
      }
    }
    report = builder.build();
    details = builder.details();
    if (evidence) {
      const lang = reportLanguage(opts.lang, report, details);
      // Everyone the export names, and every listed member by id: a text may mention one ("send it to U2").
      const listed = [...groups.values()].flatMap((g) => (g.memberIds ?? []).map((id) => ({ id, names: [] })));
      const people = new Pseudonyms([...exports.flatMap((e) => e.people()), ...listed], PSEUDONYM_PREFIX[lang]);
      await evidence.finish(people, (platform, id) => groups.get(groupKey(platform, id)), config.timezone);
    }
    // The bar is gone before a report goes to the terminal it is drawn on.
    progress.clear();
    await opts.writeReport?.({ report, details, skipped: bad.count });
    await evidence?.commit();
  } catch (err) {
    evidence?.abandon();
    throw err;
  } finally {
    progress.clear();
    await classifier.close();
  }
  return {
    report,
    details,
    skipped: bad.count,
    repeated,
    evidenceRows: evidence?.rows ?? 0,
    classifiedOnWorker: classifier.onWorker,
  };
}
