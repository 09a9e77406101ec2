import type { Sql } from './sql/sql.js';

/** The database's privacy salt, which opt-outs, notes of erasure and hidden names are hashed under. */
export async function privacySalt(db: Sql): Promise<Buffer> {
  return Buffer.from((await db.get<{ salt: string }>('SELECT salt FROM privacy_salt'))?.salt ?? '', 'hex');
}
