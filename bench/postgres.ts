// The store on PostgreSQL: durable ingest from one bot process, then from two at once into the same
// database, then the weekly report read from the 1,000,000 messages stored. The server is a real one
// started here (initdb, pg_ctl) with fsync on, beside the bench on this machine's two cores.
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/analysis/open-store.js';
import { storedReport } from '../src/analysis/report/from-store.js';
import { defaultConfig } from '../src/core/config-defaults.js';
import { findPgBin, startPgServer } from '../test/support/postgres-server.js';
import { BENCH_GROUPS, BENCH_MEMBERS, BENCH_START, BENCH_WEEK, ingestRange } from './ingest-records.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const ONE = Math.round(N * 0.3);
const TARGET_ONE_PER_S = 15_000;
const TARGET_REPORT_MS = 5000;

/** Records [from, to) into the store at `url`, as one bot process: its time in ms. */
async function ingestInProcess(url: string, from: number, to: number): Promise<number> {
  const store = await openStore(url, defaultConfig().timezone);
  const t0 = performance.now();
  await ingestRange(store, from, to, N);
  const ms = performance.now() - t0;
  await store.close();
  return ms;
}

/** The same in a process of its own, so two of them ingest side by side as two instances would. */
function ingestInChild(url: string, from: number, to: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['worker', url, String(from), String(to)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`ingest worker exited with ${code}`))));
  });
}

/** `fingertip report`'s work for the bench's week, read from the database at `url`. */
async function timedReport(url: string): Promise<{ line: string; ok: boolean }> {
  const store = await openStore(url, defaultConfig().timezone);
  const r0 = performance.now();
  const report = (await storedReport(store, defaultConfig(), { from: BENCH_START, to: BENCH_START + BENCH_WEEK })).build();
  const ms = performance.now() - r0;
  await store.close();
  const line = `${report.messages.toLocaleString('en')} messages, ${report.demands.toLocaleString('en')} demands in ${(ms / 1000).toFixed(2)} s`;
  return { line, ok: report.messages === N && ms < TARGET_REPORT_MS };
}

export async function run(print: (line: string) => void): Promise<void> {
  const bin = findPgBin();
  if (!bin) return print('postgres: skipped, PostgreSQL is not installed (apt-get install postgresql)');
  const server = await startPgServer(bin, true);
  try {
    const admin = new pg.Client(server.url());
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const url = server.url('bench');
    const setup = await openStore(url, defaultConfig().timezone);
    for (let g = 0; g < BENCH_GROUPS; g++) await setup.upsertGroup({ platform: 'bench', id: `C${g}`, name: `group ${g}`, memberCount: BENCH_MEMBERS });
    await setup.close();

    const oneMs = await ingestInProcess(url, 0, ONE);
    const onePerS = ONE / (oneMs / 1000);
    print(
      `ingest, one instance: ${ONE.toLocaleString('en')} records in ${(oneMs / 1000).toFixed(1)} s = ${Math.round(onePerS)}/s (target >= ${TARGET_ONE_PER_S}) ${onePerS >= TARGET_ONE_PER_S ? 'OK' : 'MISSED'}`,
    );
    const half = ONE + Math.round((N - ONE) / 2);
    const t0 = performance.now();
    await Promise.all([ingestInChild(url, ONE, half), ingestInChild(url, half, N)]);
    const twoMs = performance.now() - t0;
    const twoPerS = (N - ONE) / (twoMs / 1000);
    print(
      `ingest, two instances at once: ${(N - ONE).toLocaleString('en')} records in ${(twoMs / 1000).toFixed(1)} s = ${Math.round(twoPerS)}/s together (target: more than one) ${twoPerS > onePerS ? 'OK' : 'MISSED'}`,
    );

    // The first read of rows just written also writes (PostgreSQL sets their hint bits) and finds no
    // visibility map or statistics yet; autovacuum sees to those within a minute of a load this size.
    const first = await timedReport(url);
    print(`report right after the load: ${first.line}`);
    const db = new pg.Client(url);
    await db.connect();
    await db.query('VACUUM ANALYZE');
    await db.end();
    const settled = await timedReport(url);
    print(`report once vacuumed, as autovacuum leaves it: ${settled.line} (target < ${TARGET_REPORT_MS / 1000} s) ${settled.ok ? 'OK' : 'MISSED'}`);
  } finally {
    server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, url, from, to] = process.argv.slice(2);
  if (mode === 'worker') console.log(await ingestInProcess(url, Number(from), Number(to)));
  else await run((line) => console.log(line));
}
