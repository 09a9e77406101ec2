import type { Sql } from './sql/sql.js';

/**
 * How long a statement of a write on the event path may wait for the server's answer: an ingest
 * batch of 5,000 commits in well under a second, an erasure or an edit in less, while a platform
 * waits for its events' answers. So a connection gone silent fails the write (the events are
 * refused, and delivered again) and is replaced, rather than hold every write queued behind it.
 */
export const WRITE_DEADLINE_MS = 20_000;

/**
 * An erasure's: it rewrites every message of its member (2,000,000 take ~19 s on PostgreSQL), yet
 * the event path's writes queue behind it, so a connection gone silent under it must not hold them
 * for the connection's minutes either.
 */
export const ERASURE_DEADLINE_MS = 120_000;

/**
 * A transaction's deadline: `short` (WRITE_DEADLINE_MS) on the event path, `erasure`
 * (ERASURE_DEADLINE_MS) for `forget me` and moving a group's messages, `long` (the connection's own,
 * minutes) for the work that may take long and no event waits for: migrations, retention purges, a
 * `migrate`'s copy.
 */
export type WriteDeadline = 'short' | 'erasure' | 'long';

const DEADLINE_MS: Record<WriteDeadline, number | undefined> = { short: WRITE_DEADLINE_MS, erasure: ERASURE_DEADLINE_MS, long: undefined };

/**
 * The one writing connection and its queue: each write runs in its own transaction, one after the
 * other. Both drivers would otherwise interleave statements of concurrent callers inside someone
 * else's transaction on the one connection.
 */
export class SerialWriter<Conn extends Sql = Sql> {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly db: Conn) {}

  /** `deadline` bounds each of its statements' wait for an answer (see Sql.deadline). */
  transaction<T>(fn: (db: Conn) => Promise<T>, deadline: WriteDeadline = 'short'): Promise<T> {
    return this.alone(async () => {
      this.db.deadline?.(DEADLINE_MS[deadline]);
      try {
        return await this.run(fn);
      } finally {
        this.db.deadline?.(undefined);
      }
    });
  }

  /** Runs `fn` in the queue outside any transaction: for what SQLite refuses inside one (a checkpoint). */
  alone<T>(fn: (db: Conn) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => fn(this.db));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every write queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }

  private async run<T>(fn: (db: Conn) => Promise<T>): Promise<T> {
    await this.db.run(this.db.dialect.begin);
    try {
      const result = await fn(this.db);
      await this.db.run('COMMIT');
      return result;
    } catch (err) {
      await this.db.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
}
