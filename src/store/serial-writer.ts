import type { Sql } from './sql/sql.js';

/**
 * The one writing connection and its queue: each write runs in its own transaction, one after the
 * other. Both drivers would otherwise interleave statements of concurrent callers inside someone
 * else's transaction on the one connection.
 */
export class SerialWriter<Conn extends Sql = Sql> {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly db: Conn) {}

  /** `deadlineMs` bounds each of its statements' wait for an answer (see Sql.deadline). */
  transaction<T>(fn: (db: Conn) => Promise<T>, deadlineMs?: number): Promise<T> {
    return this.alone(async () => {
      this.db.deadline?.(deadlineMs);
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
