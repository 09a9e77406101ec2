import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';
import { userHash } from '../opt-outs.js';

/**
 * Schema step 5: an opt-out becomes a salted hash of who opted out (`opt_outs`), under a salt made
 * here for this database, and `chat_users` keeps names only. Its rows of opted-out users go: they tied
 * a person's id to the anonymous id of their messages.
 */
export async function hashOptOuts(db: Db): Promise<void> {
  await db.exec(`
    CREATE TABLE privacy_salt (salt TEXT NOT NULL);
    CREATE TABLE opt_outs (platform TEXT NOT NULL, id_hash TEXT NOT NULL, PRIMARY KEY (platform, id_hash)) WITHOUT ROWID;`);
  const salt = randomBytes(32);
  await db.run('INSERT INTO privacy_salt (salt) VALUES (?)', [salt.toString('hex')]);
  const optedOut = await db.all<{ platform: string; id: string }>('SELECT platform, id FROM chat_users WHERE opted_out = 1');
  for (const u of optedOut) {
    await db.run('INSERT INTO opt_outs (platform, id_hash) VALUES (?, ?) ON CONFLICT DO NOTHING', [u.platform, userHash(salt, u.platform, u.id)]);
  }
  await db.exec(`
    DELETE FROM chat_users WHERE opted_out = 1;
    ALTER TABLE chat_users DROP COLUMN anon;
    ALTER TABLE chat_users DROP COLUMN opted_out;`);
}
