// The store: batched durable ingest of 1,000,000 records into a real file, then the reads reports
// and chat commands make on it (a week streamed, category totals, a member's view).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src/analysis/open-store.js';
import { defaultConfig } from '../src/core/config-defaults.js';
import {
  BENCH_GROUPS as GROUPS,
  BENCH_MEMBERS as MEMBERS,
  BENCH_START as START,
  BENCH_USERS as USERS,
  BENCH_WEEK as WEEK,
  ingestRange,
} from './ingest-records.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const TARGET_PER_S = 20_000;
const TARGET_RSS_MB = 300;

// Not corpus.ts's peakRssMb: importing it loads the rule engine, whose memory is not the store's.
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

export async function run(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fingertip-bench-ingest-'));
  const path = join(dir, 'bench.db');
  try {
    const store = await openStore(path, defaultConfig().timezone);
    for (let g = 0; g < GROUPS; g++) {
      const memberIds = Array.from({ length: MEMBERS }, (_, k) => `U${(g * 131 + k * 397) % USERS}`);
      await store.upsertGroup({ platform: 'bench', id: `C${g}`, name: `group ${g}`, memberCount: MEMBERS, memberIds });
    }
    const [, ingestMs] = await timed(() => ingestRange(store, 0, N, N));
    const perS = N / (ingestMs / 1000);
    print(
      `ingest: ${N} records in ${(ingestMs / 1000).toFixed(1)} s = ${Math.round(perS)} records/s (target >= ${TARGET_PER_S}) ${perS >= TARGET_PER_S ? 'OK' : 'MISSED'}`,
    );
    print(`file: ${(statSync(path).size / 1e6).toFixed(0)} MB; peak RSS so far ${peakRssMb().toFixed(0)} MB`);

    const week = { from: START, to: START + WEEK };
    const [streamed, streamMs] = await timed(async () => {
      let n = 0;
      for await (const _ of store.records(week)) n++;
      return n;
    });
    print(`stream a week: ${streamed} records in ${(streamMs / 1000).toFixed(2)} s (target < 5 s) ${streamed === N && streamMs < 5000 ? 'OK' : 'MISSED'}`);
    const [, totalsMs] = await timed(() => store.categoryTotals(week));
    print(`categoryTotals over the week: ${totalsMs.toFixed(0)} ms`);
    const [, groupsMs] = await timed(() => store.groupTotals(week));
    print(`groupTotals over the week: ${groupsMs.toFixed(0)} ms`);
    // Members of group C0, where every tenth message is a demand; the first query warms the page cache.
    const [first, second] = (await store.group('bench', 'C0'))?.memberIds ?? [];
    await store.memberView('bench', first, { ...week, limit: 20 });
    const [view, viewMs] = await timed(() => store.memberView('bench', second, { ...week, limit: 20 }));
    print(`memberView: ${view.demands} demands in ${view.groups} groups in ${viewMs.toFixed(1)} ms (target < 50 ms) ${viewMs < 50 ? 'OK' : 'MISSED'}`);
    await store.close();
    const rss = peakRssMb();
    print(`peak RSS: ${rss.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB, whole process) ${rss < TARGET_RSS_MB ? 'OK' : 'MISSED'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Also runnable alone (`node dist/bench/ingest.js`), so its peak RSS is its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run((line) => console.log(line));
