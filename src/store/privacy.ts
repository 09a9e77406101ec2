import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';

/** An id that stands for a person without saying who: fresh random bytes, kept nowhere with their id. */
export function anonymousId(): string {
  return `anon-${randomBytes(6).toString('hex')}`;
}

/**
 * Opts a user out (or back in). While opted out, their new messages are stored under an anonymous
 * id (`anon`, returned) without name or text, and their stored name goes. Run inside a transaction.
 */
export async function setOptOut(db: Db, platform: string, user: string, optedOut: boolean): Promise<string | undefined> {
  const row = await db.get<{ anon: string | null }>(
    `INSERT INTO chat_users (platform, id, opted_out, anon) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, id) DO UPDATE SET opted_out = excluded.opted_out,
       anon = CASE WHEN excluded.opted_out = 1 THEN coalesce(anon, excluded.anon) END,
       name = CASE WHEN excluded.opted_out = 1 THEN NULL ELSE name END
     RETURNING anon`,
    [platform, user, optedOut ? 1 : 0, optedOut ? anonymousId() : null],
  );
  return row?.anon ?? undefined;
}

export async function isOptedOut(db: Db, platform: string, user: string): Promise<boolean> {
  const row = await db.get<{ opted_out: number }>('SELECT opted_out FROM chat_users WHERE platform = ? AND id = ?', [platform, user]);
  return row?.opted_out === 1;
}

/** Opted-out users and the anonymous ids their messages are stored under, keyed `platform\0user`. */
export async function readOptOuts(db: Db): Promise<Map<string, string>> {
  const rows = await db.all<{ platform: string; id: string; anon: string }>('SELECT platform, id, anon FROM chat_users WHERE opted_out = 1');
  return new Map(rows.map((r) => [`${r.platform}\u0000${r.id}`, r.anon]));
}

// The findings of a row with their matched words blanked: the match is the user's own text.
const BLANK_MATCHES = `CASE WHEN findings IS NULL THEN NULL
  ELSE (SELECT json_group_array(json(json_set(value, '$.match', ''))) FROM json_each(findings)) END`;

/**
 * Erases a user: their name, the texts of their messages (and the matched words in findings, and the
 * copies kept with feedback), their place in member lists; their id becomes an anonymous token, so
 * every count and per-sender total stays right without saying who. An opt-out is kept (it must hold
 * after forgetting) under a fresh anonymous id. Run inside a transaction. Returns the token.
 */
export async function forgetUser(db: Db, platform: string, user: string): Promise<{ token: string; anon: string | undefined }> {
  const token = anonymousId();
  await db.run(`UPDATE messages SET sender_id = ?, text = NULL, findings = ${BLANK_MATCHES} WHERE platform = ? AND sender_id = ?`, [token, platform, user]);
  await db.run(`UPDATE feedback SET sender_id = ?, text = NULL, findings = ${BLANK_MATCHES} WHERE platform = ? AND sender_id = ?`, [token, platform, user]);
  await db.run('UPDATE feedback SET by_user = ? WHERE platform = ? AND by_user = ?', [token, platform, user]);
  await db.run('DELETE FROM group_members WHERE platform = ? AND user_id = ?', [platform, user]);
  await db.run('DELETE FROM chat_users WHERE platform = ? AND id = ? AND opted_out = 0', [platform, user]);
  const kept = await db.get<{ anon: string }>('UPDATE chat_users SET name = NULL, anon = ? WHERE platform = ? AND id = ? RETURNING anon', [
    anonymousId(), platform, user,
  ]);
  return { token, anon: kept?.anon };
}
