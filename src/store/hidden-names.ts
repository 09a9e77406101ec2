import { nameHash, type HiddenNames } from '../core/hidden-names.js';
import { privacySalt } from './privacy-salt.js';
import type { Sql } from './sql/sql.js';

/**
 * The names and ids of those who opted out or said `forget me`, as salted hashes (../core/hidden-names.ts):
 * their name leaves `chat_users`, yet the digest must still not quote it from others' messages. Kept
 * as long as the opt-out hashes are, and not purged with the data: a message that names them may come
 * any time after.
 */
export const HIDDEN_NAMES_TABLE = `
CREATE TABLE hidden_names (
  platform TEXT NOT NULL,
  id_hash TEXT NOT NULL,
  name_hash TEXT NOT NULL,
  length INTEGER NOT NULL,
  PRIMARY KEY (platform, id_hash, name_hash)
);
`;

/**
 * Keeps the user's id and stored name (if any) as hidden names under `hash` (their opt-out hash);
 * returns that name, so an erasure removes the very name it hid. Run inside the opt-out's or
 * erasure's transaction, before the name is deleted.
 */
export async function hideNames(db: Sql, platform: string, user: string, hash: string): Promise<string | undefined> {
  const name = (await db.get<{ name: string | null }>('SELECT name FROM chat_users WHERE platform = ? AND id = ?', [platform, user]))?.name;
  const salt = await privacySalt(db);
  for (const term of [user, name ?? '']) {
    const chars = [...term].length;
    if (chars === 0) continue;
    // A name of one character is hidden only where mentioned (length 0), as NameMatcher hides one.
    await db.run('INSERT INTO hidden_names (platform, id_hash, name_hash, length) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
      platform,
      hash,
      nameHash(salt, term),
      chars === 1 ? 0 : term.length,
    ]);
  }
  return name ?? undefined;
}

export async function readHiddenNames(db: Sql): Promise<HiddenNames> {
  const rows = await db.all<{ id_hash: string; name_hash: string; length: number }>(
    'SELECT id_hash, name_hash, length FROM hidden_names ORDER BY id_hash, name_hash',
  );
  return { salt: await privacySalt(db), names: rows.map((r) => ({ owner: r.id_hash, hash: r.name_hash, length: Number(r.length) })) };
}
