import type pg from 'pg';
import { POSTGRES } from '../sql/dialect.js';
import type { Param, Sql, Stmt } from '../sql/sql.js';
import { pgError } from './pg-error.js';
import type { PgTarget } from './target.js';

/** `?` placeholders as PostgreSQL numbers them; the store's SQL holds no `?` but placeholders. */
const numbered = new Map<string, string>();
function placeholders(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    if (numbered.size < 1000) numbered.set(sql, text);
  }
  return text;
}

// PostgreSQL's text cannot hold U+0000, which a chat message may: it is stored as U+FFFD.
const values = (params: readonly Param[]): Param[] => params.map((p) => (typeof p === 'string' && p.includes('\0') ? p.replaceAll('\0', '\uFFFD') : p));

/** Where queries go: the pool (any free connection) or one connection kept for a writer's transactions. */
interface Queryable {
  query<T extends pg.QueryResultRow>(config: pg.QueryConfig<Param[]> & { query_timeout?: number }): Promise<pg.QueryResult<T>>;
}

/** The store's queries on PostgreSQL; every error names the server (see pgError). */
export class PgDb implements Sql {
  readonly dialect = POSTGRES;
  private deadlineMs: number | undefined;

  constructor(
    private readonly target: PgTarget,
    private readonly conn: () => Promise<Queryable>,
    /** Told of each failure, so a writer can drop a broken connection. */
    private readonly failed: (err: unknown) => void = () => {},
  ) {}

  private async query<T extends pg.QueryResultRow>(sql: string, params: readonly Param[] = []): Promise<pg.QueryResult<T>> {
    try {
      return await (await this.conn()).query<T>({ text: placeholders(sql), values: values(params), query_timeout: this.deadlineMs });
    } catch (err) {
      this.failed(err);
      throw pgError(this.target, err, false, this.deadlineMs);
    }
  }

  async run(sql: string, params?: readonly Param[]): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  async get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async all<T>(sql: string, params?: readonly Param[]): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql);
  }

  /** A statement past it fails with the driver's "Query read timeout", and the writer drops its connection. */
  deadline(ms: number | undefined): void {
    this.deadlineMs = ms;
  }

  /** PostgreSQL plans each batch's one statement in far less time than the batch takes: no named statements to keep per connection. */
  async prepare(sql: string): Promise<Stmt> {
    return { all: (params) => this.all(sql, params), run: (params) => this.run(sql, params), finalize: async () => {} };
  }
}

/** Reads on any free connection of the pool. */
export function poolDb(target: PgTarget, pool: pg.Pool): PgDb {
  return new PgDb(target, async () => pool);
}

/**
 * The writer's one connection, for its transactions. A failure that is not the statement's fault
 * (the connection lost, the server restarted) drops it: the transaction failed, the next one opens a
 * new connection, and the bot keeps going once the server is back.
 */
export function writerDb(target: PgTarget, pool: pg.Pool): { db: PgDb; release(): void } {
  let client: pg.PoolClient | undefined;
  const drop = (err?: unknown) => {
    client?.release(err instanceof Error ? err : undefined);
    client = undefined;
  };
  const connect = async (): Promise<pg.PoolClient> => {
    const fresh = await pool.connect();
    // A connection held out of the pool reports a lost server here, not to the pool: without a
    // listener Node would exit. It is dropped; the statement in flight fails on its own.
    fresh.on('error', (err) => {
      if (client === fresh) drop(err);
    });
    return fresh;
  };
  const db = new PgDb(
    target,
    async () => (client ??= await connect()),
    (err) => {
      // Lost: SQLSTATE classes 08 (connection) and 57 (operator intervention, e.g. a shutdown), a
      // socket error of Node's (ECONNRESET…), or the driver's own without a code ("Connection terminated").
      const code = (err as { code?: string })?.code ?? '';
      if (code === '' || /^(08|57)/.test(code) || /^E[A-Z]+$/.test(code)) drop(err);
    },
  );
  return { db, release: () => drop() };
}
