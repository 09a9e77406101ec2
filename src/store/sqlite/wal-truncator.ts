import type { Db } from './db.js';
import type { SerialWriter } from '../serial-writer.js';

/** How long one attempt waits for readers to leave the log; the writer is held that long at most. */
const ATTEMPT_WAIT_MS = 500;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/**
 * Copies the write-ahead log into the database file and cuts it to zero bytes, so that rows just
 * erased leave no older copy of their pages in the -wal file. A reader still inside the log (a report
 * streaming, another process) holds that up: an attempt waits ATTEMPT_WAIT_MS for it, then retries
 * follow in the background, less often each time, until the log is cut or the store closes (closing
 * the last connection to the file checkpoints and deletes the log anyway).
 */
export class WalTruncator {
  private timer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;

  constructor(private readonly writer: SerialWriter<Db>) {}

  /** One attempt now: true when the log is empty, else false and retries are scheduled. */
  async truncate(): Promise<boolean> {
    clearTimeout(this.timer);
    if (await this.attempt()) {
      this.retryMs = FIRST_RETRY_MS;
      return true;
    }
    if (!this.stopped) {
      // A retry that fails otherwise than busy (the disk gone) stops retrying: the next erasure tries again.
      this.timer = setTimeout(() => void this.truncate().catch(() => undefined), this.retryMs).unref();
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    }
    return false;
  }

  /** No more retries (the store is closing). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private attempt(): Promise<boolean> {
    return this.writer.alone(async (db) => {
      // PRAGMA takes no parameters; both values are integers of ours. Each statement runs to its end
      // (exec, all): one left at its row until node-sqlite3 finalizes it would lock the next.
      await db.exec(`PRAGMA busy_timeout = ${ATTEMPT_WAIT_MS}`);
      try {
        // Blocked by a reader or another writer, it reports busy = 1 rather than failing. `main.`: unnamed,
        // it also checkpoints the temp schema, which quick_check (at open) leaves locked for it.
        const [row] = await db.all<{ busy: number }>('PRAGMA main.wal_checkpoint(TRUNCATE)');
        return row?.busy === 0;
      } finally {
        await db.exec(`PRAGMA busy_timeout = ${db.busyTimeoutMs}`);
      }
    });
  }
}
