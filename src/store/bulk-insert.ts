import type { Db, Param, Stmt } from './db.js';

/**
 * A multi-row INSERT of many rows at once: `head` up to VALUES, then `(?, ...)` per row, then `tail`
 * (ON CONFLICT, RETURNING). One statement per chunk size is prepared once and reused, so a batch
 * costs a few statement runs instead of one per row.
 */
export class BulkInsert {
  private readonly stmts = new Map<number, Promise<Stmt>>();
  private readonly tuple: string;

  constructor(
    private readonly db: Db,
    private readonly head: string,
    width: number,
    private readonly tail: string,
    private readonly maxRows: number,
  ) {
    this.tuple = `(${new Array(width).fill('?').join(', ')})`;
  }

  private stmt(rows: number): Promise<Stmt> {
    let stmt = this.stmts.get(rows);
    if (!stmt) {
      stmt = this.db.prepare(`${this.head} ${new Array(rows).fill(this.tuple).join(', ')} ${this.tail}`);
      this.stmts.set(rows, stmt);
    }
    return stmt;
  }

  /** Inserts `rows`; resolves to the number of rows inserted (or updated by the tail's upsert). */
  async run(rows: readonly Param[][]): Promise<number> {
    let changes = 0;
    for (let i = 0; i < rows.length; i += this.maxRows) {
      const chunk = rows.slice(i, i + this.maxRows);
      changes += await (await this.stmt(chunk.length)).run(chunk.flat());
    }
    return changes;
  }

  /** Inserts `rows` with a RETURNING tail; resolves to the rows returned. */
  async returning<T>(rows: readonly Param[][]): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < rows.length; i += this.maxRows) {
      const chunk = rows.slice(i, i + this.maxRows);
      for (const row of await (await this.stmt(chunk.length)).all<T>(chunk.flat())) out.push(row);
    }
    return out;
  }

  async finalize(): Promise<void> {
    const stmts = [...this.stmts.values()];
    this.stmts.clear();
    for (const stmt of stmts) await (await stmt.catch(() => undefined))?.finalize();
  }
}
