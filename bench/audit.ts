// Offline audit of 1,000,000 contract-JSONL messages across 1,000 groups (the dev corpus cycled with
// unique suffixes, one in five messages a bare "收到"), through the real reader, engine and builder;
// the engine classifies on a worker thread while the main thread reads and builds the report.
// Target: < 20 s with peak RSS < 400 MB. The audit runs in a child process so that its peak RSS is its
// own, not that of the benches before it.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cycled, devTexts } from './corpus.js';

const N = 1_000_000;
const GROUPS = 1000;
const WEEK_START = Date.parse('2026-11-23T00:00:00+08:00') / 1000;

async function writeExport(path: string): Promise<void> {
  const texts = cycled(devTexts(), N);
  const out = createWriteStream(path);
  let buf = '';
  for (let i = 0; i < N; i++) {
    const g = (i * 7919) % GROUPS;
    const office = g % 40;
    const sender = office * 500 + ((i * 31) % 300);
    const line = {
      id: `m${i}`,
      platform: 'bench',
      group_id: `G${g}`,
      group_name: `group ${g}`,
      sender_id: `u${sender}`,
      sender_name: `user ${sender}`,
      ts: WEEK_START + Math.floor((i * 7 * 86_400) / N),
      text: i % 5 === 0 ? '收到' : texts[i],
      reply_to: null,
    };
    buf += `${JSON.stringify(line)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'close');
}

// Runs in the child: the reader alone (its share of the time), then the whole compiled audit on the
// file, printing the times and the process's peak RSS.
const CHILD = `
const [runAuditUrl, detectUrl, configUrl, file] = process.argv.slice(1);
const { runAudit } = await import(runAuditUrl);
const { openExport } = await import(detectUrl);
const { defaultConfig } = await import(configUrl);
const hooks = { bad() {}, note() {}, expect() {}, progress() {} };
const r0 = process.hrtime.bigint();
for await (const m of (await openExport(file, hooks)).messages());
const readSeconds = Number(process.hrtime.bigint() - r0) / 1e9;
const t0 = process.hrtime.bigint();
const { report, classifiedOnWorker } = await runAudit([file], { config: defaultConfig() });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ readSeconds, seconds, rssMb: process.resourceUsage().maxRSS / 1024, messages: report.messages, demands: report.demands, groups: report.groups.length, duplicates: report.duplicates.length, ackStorms: report.ack_storms.length, classifiedOnWorker }));
`;

export async function run(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fingertip-bench-audit-'));
  try {
    const file = join(dir, 'export.jsonl');
    const g0 = process.hrtime.bigint();
    await writeExport(file);
    const mb = statSync(file).size / 2 ** 20;
    print(
      `audit: wrote ${N.toLocaleString('en')} messages in ${GROUPS} groups (${mb.toFixed(0)} MB JSONL) in ${(Number(process.hrtime.bigint() - g0) / 1e9).toFixed(1)} s`,
    );
    const url = (p: string): string => new URL(p, import.meta.url).href;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', CHILD, url('../src/audit/run-audit.js'), url('../src/audit/detect.js'), url('../src/core/config-defaults.js'), file],
      { maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(stdout) as {
      readSeconds: number;
      seconds: number;
      rssMb: number;
      messages: number;
      demands: number;
      groups: number;
      duplicates: number;
      ackStorms: number;
      classifiedOnWorker: boolean;
    };
    print(
      `  ${r.messages.toLocaleString('en')} messages, ${r.demands.toLocaleString('en')} demands, ${r.groups} groups, ${r.duplicates} duplicate clusters, ${r.ackStorms} ack storms`,
    );
    print(
      `  ${r.seconds.toFixed(2)} s, ${Math.round(N / r.seconds).toLocaleString('en')} messages/s, ${Math.round((r.seconds * 1e9) / N)} ns/message, ${(mb / r.seconds).toFixed(0)} MB/s`,
    );
    print(
      `  of which reading and parsing the export alone: ${r.readSeconds.toFixed(2)} s (${(mb / r.readSeconds).toFixed(0)} MB/s); the rest is classify ${r.classifiedOnWorker ? 'on a worker thread beside' : 'on the main thread (no worker could start), then'} toRecord and the report builder`,
    );
    print(`  peak RSS ${r.rssMb.toFixed(0)} MB`);
    print(`  target < 20 s and < 400 MB: ${r.seconds < 20 && r.rssMb < 400 ? 'met' : 'NOT MET'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/bench/audit.js` runs this part alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) await run((line) => console.log(line));
