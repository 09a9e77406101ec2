import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { InputError, WorkError } from '../../../src/core/errors.js';
import { pgError } from '../../../src/store/postgres/pg-error.js';
import { pgTarget } from '../../../src/store/postgres/target.js';

const target = pgTarget('postgres://fingertip:secret@db.example:5432/ft');
const err = (code: string | undefined, message: string) => Object.assign(new Error(message), { code });

describe('pgError', () => {
  it('calls the server unreachable only when it did not answer: a timeout with a SQLSTATE is its answer', () => {
    const down = pgError(target, err(undefined, 'Connection terminated due to connection timeout'), true);
    expect(down).toBeInstanceOf(InputError);
    expect(down.message).toMatch(/cannot reach the database server at db\.example/);
    const refused = pgError(target, err('22023', 'invalid value for parameter "statement_timeout": "abc"'), true);
    expect(refused).toBeInstanceOf(InputError);
    expect(refused.message).toMatch(/: the server at db\.example\S* refused a setting of the URL \(invalid value for parameter "statement_timeout": "abc"\)$/);
    expect(refused.message).not.toContain('secret');
    expect(pgError(target, err('57014', 'canceling statement due to statement timeout'), false)).toBeInstanceOf(WorkError);
  });

  it('names a deadline passed as such, with the deadline the statement had', () => {
    const slow = err(undefined, 'Query read timeout');
    expect(pgError(target, slow, false, 20_000).message).toBe(
      'postgres://fingertip@db.example:5432/ft: the database server at db.example:5432 did not answer within 20 s',
    );
    expect(pgError(target, slow, false).message).toMatch(/did not answer within 600 s$/);
    expect(pgError(pgTarget('postgres://db.example/ft?query_timeout=1500'), slow, true).message).toMatch(/did not answer within 1\.5 s$/);
  });

  it('calls a server still starting up unreachable, and one refusing SSL a refused connection, at start', () => {
    expect(pgError(target, err('57P03', 'the database system is starting up'), true).message).toMatch(
      /cannot reach the database server at db\.example:5432 \(57P03\)$/,
    );
    const ssl = pgError(target, err(undefined, 'The server does not support SSL connections'), true);
    expect(ssl).toBeInstanceOf(InputError);
    expect(ssl.message).toMatch(/the server at db\.example:5432 refused the connection's SSL/);
  });

  it('names a server that takes the connection and drops it as unreachable: exit 2, one line', async () => {
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const r = await runCli(['report'], { env: { FINGERTIP_DB: `postgres://u:p@127.0.0.1:${port}/ft` } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^fingertip report: postgres://u@127\\.0\\.0\\.1:${port}/ft: cannot reach the database server at 127\\.0\\.0\\.1:${port} \\(Connection terminated unexpectedly\\)\\n$`,
        ),
      );
    } finally {
      server.close();
    }
  });
});
