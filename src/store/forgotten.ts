import type { Sql } from './sql/sql.js';

/**
 * Who said `forget me`, and when: the user as an opt-out is kept (a salted hash, see opt-outs.ts).
 * A text of theirs can still reach a `missed` report after the erasure, held in the memory of
 * another bot process or read back from the platform; the report checks here first. `time` is the
 * dialect's type for epoch milliseconds; rows go with the retention purge. No index: a row is a
 * `forget me`, and they are few.
 */
export const forgottenUsersTable = (time: 'INTEGER' | 'BIGINT'): string => `
CREATE TABLE forgotten_users (
  platform TEXT NOT NULL,
  id_hash TEXT NOT NULL,
  ts ${time} NOT NULL
);
`;

/** Notes that the user with this hash was forgotten at `now`. Run inside the erasing transaction. */
export async function noteForgotten(db: Sql, platform: string, hash: string, now: number): Promise<void> {
  await db.run('INSERT INTO forgotten_users (platform, id_hash, ts) VALUES (?, ?, ?)', [platform, hash, now]);
}

/** Whether the user with this hash said `forget me` at `since` or later. */
export async function forgottenSince(db: Sql, platform: string, hash: string, since: number): Promise<boolean> {
  return (await db.get('SELECT 1 AS hit FROM forgotten_users WHERE platform = ? AND id_hash = ? AND ts >= ?', [platform, hash, since])) !== undefined;
}
