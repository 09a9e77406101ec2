import { InputError, WorkError } from '../../core/errors.js';
import type { PgTarget } from './target.js';

/** What the pg driver's errors carry: a node errno code (ECONNREFUSED) or a SQLSTATE. */
interface PgError extends Error {
  code?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/**
 * A PostgreSQL error as a user can act on it, naming the server (never the password). At start
 * (`opening`), a server that cannot be reached or refuses the login is bad configuration: exit 2.
 * While running, every failure fails the work at hand (exit 1, nothing acknowledged) and the bot
 * goes on, as the pool reconnects. `deadlineMs` is the statement's (see Sql.deadline), if it had its own.
 */
export function pgError(target: PgTarget, err: unknown, opening: boolean, deadlineMs = target.queryTimeoutMs): Error {
  if (err instanceof InputError || err instanceof WorkError) return err;
  const e = err as PgError;
  const code = e?.code ?? '';
  const detail = e?.message || String(err);
  const config = (why: string) => (opening ? new InputError(`${target.display}: ${why}`) : new WorkError(`${target.display}: ${why}`));
  // The driver's deadline for an answer: the server took the statement, and may be slow rather than gone.
  if (!code && detail === 'Query read timeout') return config(`the database server at ${target.host} did not answer within ${deadlineMs / 1000} s`);
  // The driver's own timeouts carry no SQLSTATE; one that does (22023 on "statement_timeout=abc") is the server answering.
  // Nor does a server that takes the connection and drops it at once; 57P03 is one still starting up.
  if (UNREACHABLE.has(code) || code === '57P03' || (!SQLSTATE.test(code) && /timeout|terminated unexpectedly/i.test(detail)))
    return config(`cannot reach the database server at ${target.host} (${code || detail})`);
  if (opening && /does not support SSL/i.test(detail)) return config(`the server at ${target.host} refused the connection's SSL (${detail})`);
  // 22023 and 42704: a setting in the URL the server refuses (?options=-c …, ?statement_timeout=…).
  if (opening && (code === '22023' || code === '42704')) return config(`the server at ${target.host} refused a setting of the URL (${detail})`);
  // SQLSTATE class 28: invalid authorization; 3D000: no such database.
  if (code.startsWith('28')) return config(`the server at ${target.host} refused the login (${detail})`);
  if (code === '3D000') return config(`no such database on ${target.host} (${detail})`);
  if (code === '53100') return new WorkError(`${target.display}: the database server's disk is full; nothing more can be stored until space is freed`);
  return new WorkError(`${target.display}: ${code ? `${code}: ` : ''}${detail}`);
}
