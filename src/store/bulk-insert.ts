import type { Param, Sql, Stmt } from './sql/sql.js';

/**
 * An INSERT of many rows at once, handed to the database as one parameter (see Dialect.rowsFrom):
 * one value to bind per batch instead of one per column and row. `tail` is what follows the rows
 * (ON CONFLICT, RETURNING).
 */
export class BulkInsert {
  private stmt: Promise<Stmt> | undefined;
  private readonly sql: string;

  constructor(
    private readonly db: Sql,
    table: string,
    private readonly columns: readonly string[],
    tail: string,
  ) {
    const d = db.dialect;
    this.sql = `INSERT INTO ${table} (${columns.join(', ')}) ${d.rowsFrom(table, columns)} ${d.insertSelectTail} ${tail}`;
  }

  private prepared(): Promise<Stmt> {
    return (this.stmt ??= this.db.prepare(this.sql));
  }

  private params(rows: readonly Param[][]): Param[] {
    return [this.db.dialect.encodeRows(this.columns, rows)];
  }

  /** Inserts `rows`; resolves to the number of rows inserted (or updated by the tail's upsert). */
  async run(rows: readonly Param[][]): Promise<number> {
    if (rows.length === 0) return 0;
    return (await this.prepared()).run(this.params(rows));
  }

  /** Inserts `rows` with a RETURNING tail; resolves to the rows returned. */
  async returning<T>(rows: readonly Param[][]): Promise<T[]> {
    if (rows.length === 0) return [];
    return (await this.prepared()).all<T>(this.params(rows));
  }

  async finalize(): Promise<void> {
    const stmt = this.stmt;
    this.stmt = undefined;
    await (await stmt?.catch(() => undefined))?.finalize();
  }
}
