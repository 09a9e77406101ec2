import type { MessageRecord } from '../../src/core/message-record.js';
import type { Store } from '../../src/store/store.js';

const ALL_TIME = { from: 0, to: 4_000_000_000_000 };

/** Everything the store holds, after committing what waits in its batch. */
export async function storedRecords(store: Store): Promise<MessageRecord[]> {
  await store.flush();
  const out: MessageRecord[] = [];
  for await (const rec of store.records(ALL_TIME)) out.push(rec);
  return out;
}
