/**
 * How SQLite and PostgreSQL differ in what the store's queries need, and nothing more: everything
 * else is written once in the SQL both understand (ON CONFLICT, RETURNING, row values, IS DISTINCT FROM).
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Starts a write transaction. SQLite takes the file's write lock up front, so no write fails half-way on an upgrade. */
  readonly begin: string;
  /** Locks the rows a SELECT reads against writers until commit (SQLite's write lock already does). */
  readonly forShare: string;
  /** Locks the rows a SELECT reads against other writers until commit, for a read-modify-write (SQLite's write lock already does). */
  readonly forUpdate: string;
  /** Several processes write at once: a batch takes its row locks in key order, so two never deadlock. */
  readonly sharedWriters: boolean;
  greatest(a: string, b: string): string;
  least(a: string, b: string): string;
  /** A JSON array of SQL expressions. */
  jsonArray(items: string): string;
  /** A TEXT column holding JSON, as a JSON value (not a string) inside jsonArray. */
  asJson(column: string): string;
  /** A JSON value as text, for JSON.parse (the pg driver would parse it itself, slower). */
  asText(json: string): string;
  /** The JSON text of an array of the rows' `json` values, `order` their order (null when no rows). */
  jsonAgg(json: string, order: string): string;
  /** Hints the planner to read `table` along `index`. */
  indexedBy(index: string): string;
  /** The strings of a JSON array parameter, as a subquery for IN. */
  textList(param: string): string;
  /** `columns` of `table` from a parameter holding the rows as encodeRows made them. */
  rowsFrom(table: string, columns: readonly string[]): string;
  encodeRows(columns: readonly string[], rows: readonly (readonly unknown[])[]): string;
  /** A row's own address, to delete rows a subquery picked: SQLite's rowid, PostgreSQL's ctid (its rowid column has no index). */
  readonly rowAddress: string;
  /** Appended to each ingest INSERT: SQLite needs `WHERE true` before ON CONFLICT after a SELECT. */
  readonly insertSelectTail: string;
}

/** A lone surrogate's escape as JSON.stringify writes it, after an even run of backslashes (so not itself escaped). */
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;
const NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * A JSON text as both engines will read it. A lone surrogate becomes U+FFFD, as binding the string
 * would make it: SQLite would otherwise decode its escape into bytes that are not UTF-8, and
 * PostgreSQL refuses it. PostgreSQL's text cannot hold U+0000 either: it becomes U+FFFD there.
 */
export function jsonText(value: unknown, dropNul = false): string {
  let json = JSON.stringify(value);
  if (json.includes('\\ud')) json = json.replace(LONE_SURROGATE, '$1\\ufffd');
  if (dropNul && json.includes('\\u0000')) json = json.replace(NUL, '$1\\ufffd');
  return json;
}

export const SQLITE: Dialect = {
  name: 'sqlite',
  begin: 'BEGIN IMMEDIATE',
  forShare: '',
  forUpdate: '',
  sharedWriters: false,
  greatest: (a, b) => `max(${a}, ${b})`,
  least: (a, b) => `min(${a}, ${b})`,
  jsonArray: (items) => `json_array(${items})`,
  asJson: (column) => `json(${column})`,
  asText: (json) => json,
  // json_group_array would take each array for a string: a subquery's column loses its JSON subtype.
  jsonAgg: (json) => `'[' || group_concat(${json}, ',') || ']'`,
  indexedBy: (index) => `INDEXED BY ${index}`,
  textList: (param) => `SELECT value FROM json_each(${param})`,
  // One JSON text per batch: node-sqlite3 converts every bound value on the event loop's thread
  // (about 0.4 µs each, 6 µs for a message row), json_each moves that work to SQLite's thread.
  rowsFrom: (_table, columns) => `SELECT ${columns.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`,
  encodeRows: (_columns, rows) => jsonText(rows),
  rowAddress: 'rowid',
  insertSelectTail: 'WHERE true',
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  begin: 'BEGIN',
  forShare: ' FOR SHARE',
  forUpdate: ' FOR UPDATE',
  sharedWriters: true,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  least: (a, b) => `least(${a}, ${b})`,
  jsonArray: (items) => `json_build_array(${items})`,
  asJson: (column) => `${column}::json`,
  asText: (json) => `(${json})::text`,
  jsonAgg: (json, order) => `json_agg(${json} ORDER BY ${order})::text`,
  indexedBy: () => '',
  textList: (param) => `SELECT json_array_elements_text(${param}::json)`,
  // json_populate_recordset types each field as its column is typed.
  rowsFrom: (table, columns) => `SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table}, ?::json)`,
  encodeRows: (columns, rows) =>
    jsonText(
      rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]]))),
      true,
    ),
  rowAddress: 'ctid',
  insertSelectTail: '',
};
