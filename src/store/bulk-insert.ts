import type { Db, Param, Stmt } from './db.js';

/** A lone surrogate's escape as JSON.stringify writes it, after an even run of backslashes (so not itself escaped). */
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * The rows as one JSON text. A lone surrogate becomes U+FFFD, as binding the string would make it:
 * SQLite would otherwise decode its escape into bytes that are not UTF-8.
 */
export function rowsJson(rows: readonly Param[][]): string {
  const json = JSON.stringify(rows);
  return json.includes('\\ud') ? json.replace(LONE_SURROGATE, '$1\\ufffd') : json;
}

/**
 * An INSERT of many rows at once, handed to SQLite as one JSON text that `json_each` unpacks.
 * node-sqlite3 converts every bound value on the event loop's thread (about 0.4 µs each, 6 µs for a
 * message row): one string per batch moves that work to SQLite's thread, which has time to spare
 * while the bot classifies. `tail` is what follows the rows (ON CONFLICT, RETURNING).
 */
export class BulkInsert {
  private stmt: Promise<Stmt> | undefined;
  private readonly sql: string;

  constructor(
    private readonly db: Db,
    table: string,
    columns: readonly string[],
    tail: string,
  ) {
    const values = columns.map((_, i) => `value ->> ${i}`).join(', ');
    // WHERE true: without it SQLite would read the tail's ON as a join constraint.
    this.sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values} FROM json_each(?) WHERE true ${tail}`;
  }

  private prepared(): Promise<Stmt> {
    return (this.stmt ??= this.db.prepare(this.sql));
  }

  /** Inserts `rows`; resolves to the number of rows inserted (or updated by the tail's upsert). */
  async run(rows: readonly Param[][]): Promise<number> {
    if (rows.length === 0) return 0;
    return (await this.prepared()).run([rowsJson(rows)]);
  }

  /** Inserts `rows` with a RETURNING tail; resolves to the rows returned. */
  async returning<T>(rows: readonly Param[][]): Promise<T[]> {
    if (rows.length === 0) return [];
    return (await this.prepared()).all<T>([rowsJson(rows)]);
  }

  async finalize(): Promise<void> {
    const stmt = this.stmt;
    this.stmt = undefined;
    await (await stmt?.catch(() => undefined))?.finalize();
  }
}
