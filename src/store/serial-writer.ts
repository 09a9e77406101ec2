import type { Db } from './db.js';

/**
 * The one writing connection and its queue: each write runs in its own IMMEDIATE transaction
 * (the write lock taken up front, so no transaction fails half-way on a lock upgrade), one after
 * the other. node-sqlite3 would otherwise interleave statements of concurrent callers inside
 * someone else's transaction.
 */
export class SerialWriter {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly db: Db) {}

  transaction<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return this.alone(() => this.run(fn));
  }

  /** Runs `fn` in the queue outside any transaction: for what SQLite refuses inside one (a checkpoint). */
  alone<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => fn(this.db));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every write queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }

  private async run<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    await this.db.run('BEGIN IMMEDIATE');
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
