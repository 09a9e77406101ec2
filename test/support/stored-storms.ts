import { storedReport } from '../../src/analysis/report/from-store.js';
import { defaultConfig } from '../../src/core/config-defaults.js';
import type { MessageRecord } from '../../src/core/message-record.js';
import type { Scope, Store } from '../../src/store/store.js';
import { rec } from '../store/fixtures.js';

/** The ack storms the report of a store finds in the test records' day (of some groups), as the report and digest read them. */
export async function storedStorms(store: Store, narrow: Omit<Scope, 'from' | 'to'> = {}) {
  return (await storedReport(store, defaultConfig(), { from: 0, to: 2_000_000 }, narrow)).build().ack_storms;
}

/** Loose acks (replying to nothing) from three members, from `ts` 10 ms apart. */
export function looseAcks(prefix: string, ts: number, n = 5): MessageRecord[] {
  return Array.from({ length: n }, (_, i) => rec(`${prefix}${i}`, { isAck: true, ts: ts + i * 10, senderId: `U${2 + (i % 3)}` }));
}
