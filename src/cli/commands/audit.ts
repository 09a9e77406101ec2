import { runAudit, type AuditResult } from '../../audit/run-audit.js';
import { ProgressBar } from '../../audit/progress.js';
import { loadConfig } from '../config/load.js';
import type { Lang } from '../../core/lang.js';
import { chosenFormat, renderReport, type ReportFormat } from '../../render/render.js';
import { languageOption, reportLanguage } from '../../render/report-language.js';
import { REPORT_TEXTS } from '../../render/texts.js';
import { InputError } from '../../core/errors.js';
import { descriptorKey, fileKey } from '../../core/file-key.js';
import { counted } from '../../core/counted.js';
import { parseCommandArgs } from '../args.js';
import { checkOut, writeOut } from '../../core/write-out.js';
import { writeError } from '../../core/write-error.js';
import { outFormatNote } from '../out-format-note.js';
import { outPath } from '../out-path.js';
import type { Command } from '../context.js';
import type { Writable } from 'node:stream';

/** The report as text, saying how many broken entries `--skip-bad` left out. */
function render(format: ReportFormat, result: Pick<AuditResult, 'report' | 'details' | 'skipped'>, skipBad: boolean, chosen: Lang | undefined): string {
  const { report, details, skipped } = result;
  const lang = reportLanguage(chosen, report, details);
  if (format === 'json') return renderReport('json', skipBad ? Object.assign({}, report, { skipped_entries: skipped }) : report, details, lang);
  if (!skipBad || skipped === 0) return renderReport(format, report, details, lang);
  return renderReport(format, report, { ...details, notes: [...(details.notes ?? []), REPORT_TEXTS[lang].skipped(skipped)] }, lang);
}

/** Writes the report to standard output, done once the output took it: a failure is the one line of exit 1. */
function written(stdout: Writable, text: string): Promise<void> {
  return new Promise((done, failed) => stdout.write(text, (err) => (err ? failed(writeError('standard output', err)) : done())));
}

/**
 * Refuses before reading an --out or --evidence that is one of the exports (it would be written over
 * it) or both the same file (one would be written over the other), however each is spelled; and,
 * without --out, an --evidence that is the report's standard output (/dev/stdout, /dev/fd/1, the file
 * it is redirected to), where the CSV and the report would follow each other as one output.
 */
function checkOutputs(exports: string[], outputs: [option: string, path: string | undefined][], stdout: Writable | undefined): void {
  const inputs = new Set(exports.map(fileKey));
  const taken = new Map<string, string>();
  // Output thrown away twice mixes nothing: `--evidence /dev/null > /dev/null` only wants the exit code.
  const discard = fileKey('/dev/null');
  // A stream without a descriptor (a test's) is no file an option can name.
  const fd = (stdout as { fd?: unknown } | undefined)?.fd;
  const reportKey = typeof fd === 'number' ? descriptorKey(fd) : undefined;
  if (reportKey) taken.set(reportKey, 'standard output, where the report goes (--out FILE writes it elsewhere)');
  for (const [option, path] of outputs) {
    if (path === undefined) continue;
    const key = fileKey(path);
    if (key === discard) continue;
    if (inputs.has(key)) throw new InputError(`${option} ${path}: is an export this audit reads; name another file`);
    const other = taken.get(key);
    if (other) throw new InputError(`${option} ${path}: the same file as ${other}; name another file`);
    taken.set(key, option);
  }
}

/**
 * `fingertip audit EXPORT... [--format json|md|html] [--lang zh|en] [--out FILE] [--evidence FILE] [--skip-bad]`:
 * one report over exported chat history, each export's format told by its content.
 */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseCommandArgs('audit', argv, {
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    evidence: { type: 'string' },
    'skip-bad': { type: 'boolean' },
  });
  if (positionals.length === 0) {
    throw new InputError('audit: name at least one EXPORT (a Slack export folder or .zip, contract JSONL, a WeChatMsg CSV, or ChatLab JSON/JSONL)');
  }
  // An export may be read twice (its format told from its start, a ChatLab file's meta after its messages), which standard input cannot be.
  if (positionals.includes('-')) throw new InputError('audit -: standard input is not read; save the export to a file and name that (… > export.jsonl)');
  // The bundle replaces FILE whole once the audit ends, which standard output (the report's) cannot be.
  if (values.evidence === '-') throw new InputError('--evidence -: the evidence is written to a file; name one (standard output holds the report)');
  const out = outPath(values.out);
  const format = chosenFormat(values.format as string | undefined, out);
  const lang = languageOption(values.lang as string | undefined);
  const config = loadConfig(values.config as string | undefined, ctx.env);
  const skipBad = values['skip-bad'] === true;
  const isTty = (ctx.stderr as { isTTY?: boolean }).isTTY === true;
  checkOutputs(
    positionals,
    [
      ['--out', out],
      ['--evidence', values.evidence as string | undefined],
    ],
    out ? undefined : ctx.stdout,
  );
  if (out) await checkOut(out);
  // Written before the evidence bundle is put in its place, which a report that cannot be written leaves as it was.
  const writeReport = async (done: Pick<AuditResult, 'report' | 'details' | 'skipped'>) => {
    const text = render(format, done, skipBad, lang ?? config.language);
    if (out) await writeOut(out, text);
    else await written(ctx.stdout, text);
  };
  const result = await runAudit(positionals, {
    config,
    skipBad,
    warn: (line) => ctx.stderr.write(`fingertip audit: ${line}\n`),
    progress: isTty ? new ProgressBar(ctx.stderr) : undefined,
    evidencePath: values.evidence as string | undefined,
    lang: lang ?? config.language,
    writeReport,
  });
  if (result.repeated)
    ctx.stderr.write(`fingertip audit: ${counted(result.repeated, 'message')} read twice (the same id in exports that overlap) counted once\n`);
  if (out) {
    const { report } = result;
    ctx.stderr.write(
      `fingertip audit: ${out}: ${counted(report.messages, 'message')}, ${counted(report.demands, 'demand')}, ${counted(report.groups.length, 'group')}${result.skipped ? `, ${counted(result.skipped, 'broken entry', 'broken entries')} skipped` : ''}\n`,
    );
    const note = outFormatNote(out, format, '--evidence FILE');
    if (note) ctx.stderr.write(`fingertip audit: ${note}\n`);
  }
  if (values.evidence) ctx.stderr.write(`fingertip audit: ${values.evidence as string}: ${counted(result.evidenceRows, 'evidence row')}\n`);
  return 0;
};
