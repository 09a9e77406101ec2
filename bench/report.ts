// Report builder over 1,000,000 synthetic records (a week, 1,000 groups, the dev corpus cycled with
// unique suffixes so ~46% are demands and no two texts are equal: the duplicate finder's worst case).
// Target: a week of 1M messages in < 5 s including reading from the store; this measures the builder.
import { defaultConfig } from '../src/core/config-defaults.js';
import { extractDeadline } from '../src/analysis/record/deadline.js';
import { ReportBuilder } from '../src/analysis/report/builder.js';
import { textHash } from '../src/analysis/record/text-hash.js';
import type { MessageRecord } from '../src/core/message-record.js';
import type { Category } from '../src/core/categories.js';
import { weekRange } from '../src/core/time/iso-week.js';
import { localDay } from '../src/core/time/zone.js';
import { devCorpus, peakRssMb } from './corpus.js';

const N = 1_000_000;
const GROUPS = 1000;

/** The corpus with deadlines read as of `sentOn` (the week's first day): this measures the builder, not the reading. */
function labelledCorpus(sentOn: number): { text: string; categories: Category[]; deadline: number | null }[] {
  return devCorpus().map((l) => ({ text: l.text, categories: l.labels, deadline: extractDeadline(l.text, sentOn) }));
}

/** Records made on the fly, as a store cursor would hand them over, in time order. */
function* records(corpus: ReturnType<typeof labelledCorpus>, from: number, span: number): Generator<MessageRecord> {
  for (let i = 0; i < N; i++) {
    const c = corpus[i % corpus.length];
    const group = (i * 7919) % GROUPS;
    const demand = c.categories.length > 0;
    const ack = !demand && i % 5 === 0;
    const text = ack ? '收到' : `${c.text} #${i}`;
    yield {
      platform: 'bench',
      id: `m${i}`,
      groupId: `G${group}`,
      groupName: `group ${group}`,
      senderId: `u${(i * 31) % 20_000}`,
      senderName: `user ${(i * 31) % 20_000}`,
      ts: from + Math.floor((i * span) / N),
      length: text.length,
      hash: textHash(text),
      replyTo: null,
      isAck: ack,
      mentionsAll: demand,
      recipients: i % 10 === 0 ? 0 : 20 + (group % 339),
      categories: c.categories,
      findings: c.categories.map((category) => ({ rule: `${category}/bench`, category, span: [0, c.text.length] as [number, number], match: c.text })),
      text: demand ? text : null,
      deadline: demand ? c.deadline : null,
    };
  }
}

export async function run(print: (line: string) => void): Promise<void> {
  const config = defaultConfig();
  const week = weekRange('2026-W48', config.timezone);
  const corpus = labelledCorpus(localDay(week.from, config.timezone));
  const builder = new ReportBuilder({ config, ...week });
  for (let g = 0; g < GROUPS; g++) {
    // Offices of 358 people, 25 chats each, most of the office in every chat: group-sprawl has work to do.
    const office = g % 40;
    const memberIds = Array.from({ length: 358 }, (_, k) => `u${office * 500 + k}`).filter((_, k) => (k * 13 + g) % 17 !== 0);
    builder.addGroup({ platform: 'bench', id: `G${g}`, name: `group ${g}`, memberIds });
  }
  // What making the records costs by itself, to subtract: a store cursor pays its own version of it.
  const g0 = process.hrtime.bigint();
  let made = 0;
  for (const r of records(corpus, week.from, week.to - week.from)) made += r.length;
  const genS = Number(process.hrtime.bigint() - g0) / 1e9;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  for (const r of records(corpus, week.from, week.to - week.from)) builder.add(r);
  const t1 = process.hrtime.bigint();
  const report = builder.build();
  const details = builder.details();
  const t2 = process.hrtime.bigint();
  const heapAfter = process.memoryUsage().heapUsed;
  const addS = Number(t1 - t0) / 1e9;
  const buildS = Number(t2 - t1) / 1e9;
  const total = addS - genS + buildS;
  print(
    `report: ${N.toLocaleString('en')} records (${report.demands.toLocaleString('en')} demands, ${GROUPS} groups): making the records ${genS.toFixed(2)} s (${made} chars), add ${(addS - genS).toFixed(2)} s net, build ${buildS.toFixed(2)} s`,
  );
  print(`  builder: ${Math.round(N / total).toLocaleString('en')} records/s, ${Math.round((total * 1e9) / N)} ns/record`);
  print(
    `  found ${report.duplicates.length} duplicate clusters, ${report.ack_storms.length} ack storms, ${report.sprawl.length} sprawl pairs, ${report.after_hours.toLocaleString('en')} after-hours demands, ${details.evidence.length} evidence items`,
  );
  print(`  heap held by the builder ~${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB, peak RSS ${peakRssMb().toFixed(0)} MB (target < 300 MB)`);
  print(`  builder time ${total.toFixed(2)} s for a week of 1M messages (target < 5 s with the store read): ${total < 5 ? 'met' : 'NOT MET'}`);
}
