import { describe, expect, it } from 'vitest';
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
});
