import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { MessageRecord } from '../../src/core/message-record.js';
import { openStore } from '../../src/analysis/open-store.js';
import type { OpenOptions } from '../../src/store/sqlite/open.js';
import type { MissedReport, Store } from '../../src/store/store.js';
import type { Category } from '../../src/core/categories.js';
import { tempDir } from '../support/temp-dir.js';

export { tempDir };

const stores: Store[] = [];

/** A store on a real file in a temp dir, closed after the test (unless the test closed it). */
export async function tempStore(options: OpenOptions = {}, path = join(tempDir(), 'test.db')): Promise<Store> {
  const store = await openStore(path, 'Asia/Shanghai', options);
  stores.push(store);
  return store;
}

// vitest runs afterEach hooks in reverse order of registration, and temp-dir registered its own
// first (it is imported above), so stores close before their folders are removed.
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
});

export const finding = (category: Category, rule = `${category}/test`, match = 'matched words'): Finding => ({
  rule,
  category,
  span: [0, match.length],
  match,
});

/** A record with sensible defaults; flagged when given categories (one finding each, text kept). */
export function rec(id: string, fields: Partial<MessageRecord> & { cats?: Category[] } = {}): MessageRecord {
  const { cats = [], ...rest } = fields;
  const flagged = cats.length > 0;
  return {
    platform: 'slack',
    id,
    groupId: 'C1',
    senderId: 'U1',
    ts: 1_000_000,
    length: 10,
    hash: `h-${id}`,
    replyTo: null,
    isAck: false,
    mentionsAll: false,
    recipients: 0,
    categories: [...cats].sort(),
    findings: cats.map((c) => finding(c)),
    text: flagged ? `text of ${id}` : null,
    deadline: null,
    ...rest,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A member's report of a missed demand, with what a test does not care about filled in. */
export const missedReport = (fields: Partial<MissedReport> = {}): MissedReport => ({
  platform: 'slack',
  messageId: 'm1',
  senderId: 'U1',
  byUser: 'U9',
  text: 'Everyone please star the repo before the release call',
  categories: ['like-quota'],
  sentAt: 1000,
  ...fields,
});
