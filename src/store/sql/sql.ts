import type { Dialect } from './dialect.js';

export type Param = string | number | null;

/**
 * What the store's queries run on, SQLite or PostgreSQL alike: one connection, or (for reads) a
 * pool of them. Statements take `?` placeholders and parameters only, SQL text never holds a value;
 * where the two engines spell something differently the query asks `dialect`.
 */
export interface Sql {
  readonly dialect: Dialect;
  /** Resolves to the number of rows changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** Several statements without parameters: schema scripts only. */
  exec(sql: string): Promise<void>;
  /** A statement run many times (each ingest batch): SQLite prepares it once. */
  prepare(sql: string): Promise<Stmt>;
  /**
   * Until called again, how long a statement may wait for the server's answer (undefined: the
   * connection's own bound). A server over the network may go silent; SQLite has none.
   */
  deadline?(ms: number | undefined): void;
}

/** A prepared statement; finalize it before closing its connection. */
export interface Stmt {
  all<T>(params: readonly Param[]): Promise<T[]>;
  run(params: readonly Param[]): Promise<number>;
  finalize(): Promise<void>;
}
