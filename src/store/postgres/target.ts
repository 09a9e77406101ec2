import { InputError } from '../../core/errors.js';

/** A `db` setting that names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** What fingertip reads of a PostgreSQL URL besides what the driver reads of it. */
export interface PgTarget {
  /** The URL without fingertip's own parameters, for the driver. */
  connectionString: string;
  /** The URL without its password: what messages name. */
  display: string;
  /** `host:port`, for an error about reaching it. */
  host: string;
  /** Connections this process opens at most (`?pool=`, default 10): one writes, the rest read. */
  pool: number;
  /** How long a connection may take to open (`?connect_timeout=` seconds, default 10). */
  connectTimeoutMs: number;
  /** How long a statement may wait for the server's answer, unless a shorter deadline is set (`?query_timeout=` ms). */
  queryTimeoutMs: number;
}

const DEFAULT_POOL = 10;
const DEFAULT_CONNECT_TIMEOUT_S = 10;
/**
 * How long any statement may wait for the server's answer unless the URL says: long enough for a
 * year's report or a purge's chunk on a large database, yet a connection gone silent (a failover, a
 * firewall or NAT dropping it) fails its work rather than hang it for good. A write on the event path
 * has a shorter one (see WRITE_DEADLINE_MS). Not 0 for "none": that is the hang it is there against.
 */
const DEFAULT_QUERY_TIMEOUT_MS = 10 * 60_000;
/**
 * The shortest `query_timeout`: below a second a sound server's ordinary answer (a network round trip,
 * a busy moment) outlasts it, and statements fail as if the server were gone (at 1 ms, every one).
 * A second is also `connect_timeout`'s shortest, its unit being seconds.
 */
const MIN_QUERY_TIMEOUT_MS = 1000;

/** Reads a postgres:// URL; a malformed one, or a bad `pool`, `connect_timeout` or `query_timeout` (under a second too), is an InputError that shows no password. */
export function pgTarget(db: string): PgTarget {
  let url: URL;
  try {
    url = new URL(db);
  } catch {
    throw new InputError('db: not a valid postgres:// URL (postgres://user:password@host:port/database)');
  }
  const display = `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const raw = url.searchParams.get(name);
    url.searchParams.delete(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${display}: ${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  const pool = number('pool', DEFAULT_POOL, 1, 1000);
  const connectTimeoutMs = number('connect_timeout', DEFAULT_CONNECT_TIMEOUT_S, 1, 3600) * 1000;
  // Read here, not by the driver, which takes any text (0, "abc") as a deadline already passed.
  const queryTimeoutMs = number('query_timeout', DEFAULT_QUERY_TIMEOUT_MS, MIN_QUERY_TIMEOUT_MS, 86_400_000);
  const host = `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  if (pool < 2) throw new InputError(`${display}: pool must be at least 2 (one connection writes, the others read)`);
  return { connectionString: url.toString(), display, host, pool, connectTimeoutMs, queryTimeoutMs };
}
