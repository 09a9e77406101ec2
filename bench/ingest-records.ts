// The synthetic week both store benches ingest: 1,000 groups, 20,000 users, one message in ten a demand.
import { CATEGORIES } from '../src/core/categories.js';
import type { MessageRecord } from '../src/core/message-record.js';
import type { Store } from '../src/store/store.js';

export const BENCH_GROUPS = 1000;
export const BENCH_USERS = 20_000;
export const BENCH_MEMBERS = 50;
export const BENCH_WEEK = 7 * 86_400_000;
export const BENCH_START = Date.UTC(2026, 10, 16);
/** Adds awaited at once, as a bot under load has many events waiting for their commit. */
const IN_FLIGHT = 5_000;

/** Record i of n: one in ten a demand with findings and text, spread evenly over one week. */
export function benchRecord(i: number, n: number): MessageRecord {
  const flagged = i % 10 === 0;
  const category = CATEGORIES[i % CATEGORIES.length];
  const text = flagged ? `请全体同事今晚十点前完成打卡并截图发群里 第${i}号通知` : null;
  return {
    platform: 'bench',
    id: `C${i % BENCH_GROUPS}/${1_700_000_000 + i}.000100`,
    groupId: `C${i % BENCH_GROUPS}`,
    groupName: `group ${i % BENCH_GROUPS}`,
    senderId: `U${(i * 7919) % BENCH_USERS}`,
    senderName: `user ${(i * 7919) % BENCH_USERS}`,
    ts: BENCH_START + Math.floor((i / n) * BENCH_WEEK),
    length: 24,
    hash: (i % 50_000).toString(36),
    replyTo: null,
    isAck: i % 13 === 0,
    mentionsAll: i % 17 === 0,
    recipients: BENCH_MEMBERS - 1,
    categories: flagged ? [category] : [],
    findings: flagged ? [{ rule: `${category}/bench`, category, span: [0, 8], match: '请全体同事今晚十' }] : [],
    text,
    deadline: flagged ? 22 * 60 : null,
  };
}

/** Adds records [from, to) of n like a bot under load: many in flight, each awaited (acknowledged) once committed. */
export async function ingestRange(store: Store, from: number, to: number, n: number): Promise<void> {
  const inFlight = new Set<Promise<unknown>>();
  for (let i = from; i < to; i++) {
    const p = store.add(benchRecord(i, n)).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}
