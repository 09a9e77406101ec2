import { WorkError } from '../core/errors.js';
import type { BatchItem } from './batch-writer.js';
import type { IngestOptions } from './store.js';
import { groupKey } from '../core/group-key.js';

// Larger transactions write each touched index page once for more records: 5000 a commit ingests
// 40k records/s where 2000 does 32k (bench/ingest.ts), and a quiet bot still commits within 50 ms.
export const DEFAULT_INGEST: Required<IngestOptions> = { batchSize: 5000, maxDelayMs: 50 };

interface Pending {
  item: BatchItem;
  resolve: (isNew: boolean) => void;
  reject: (err: unknown) => void;
}

/**
 * Batches writes into transactions (group commit): a batch goes when `batchSize` writes are queued
 * or `maxDelayMs` after the first; writes queued while a batch commits go in the next one. Each
 * write's promise settles only when its batch is committed, so whoever awaits it (the bot, before
 * acknowledging a platform event) knows it is durable. A failed batch rejects all of its writes:
 * nothing of it is stored, and the platform's redelivery will bring it again.
 */
export class Ingestor {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  /** Event keys queued and not yet committed: `seen` must know them too. */
  private readonly pendingKeys = new Map<string, number>();
  private closed = false;
  private readonly opts: Required<IngestOptions>;

  constructor(
    private readonly commit: (items: readonly BatchItem[]) => Promise<boolean[]>,
    opts: IngestOptions = {},
  ) {
    this.opts = { ...DEFAULT_INGEST, ...opts };
  }

  add(item: BatchItem): Promise<boolean> {
    if (this.closed) return Promise.reject(new WorkError('the store is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (item.eventKey !== undefined) this.countKey(item.platform, item.eventKey, 1);
      if (this.queue.length >= this.opts.batchSize) this.start();
      else if (!this.timer && !this.draining) this.timer = setTimeout(() => this.start(), this.opts.maxDelayMs);
    });
  }

  isPending(platform: string, eventKey: string): boolean {
    return this.pendingKeys.has(groupKey(platform, eventKey));
  }

  /** Commits everything queued so far (a failed batch rejects its own writes, not this). */
  async flush(): Promise<void> {
    this.start();
    await this.draining;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private countKey(platform: string, eventKey: string, delta: number): void {
    const k = groupKey(platform, eventKey);
    const n = (this.pendingKeys.get(k) ?? 0) + delta;
    if (n > 0) this.pendingKeys.set(k, n);
    else this.pendingKeys.delete(k);
  }

  private start(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.draining || this.queue.length === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      // Writes added by callbacks between the last batch and here would otherwise wait for the next add.
      this.start();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.opts.batchSize);
      try {
        const isNew = await this.commit(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(isNew[i]));
      } catch (err) {
        for (const p of batch) p.reject(err);
      } finally {
        for (const { item } of batch) if (item.eventKey !== undefined) this.countKey(item.platform, item.eventKey, -1);
      }
    }
  }
}
