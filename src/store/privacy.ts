import { anonymousId } from './anonymous-id.js';
import type { Db } from './db.js';
import { forgetIdentity } from './identities.js';
import { OptOuts } from './opt-outs.js';
import type { Forgotten } from './store.js';

/**
 * Opts a user out (or back in), `hash` being their OptOuts hash. While opted out, their new messages
 * are stored under an anonymous id without name or text, and their stored name goes. Run inside a
 * transaction.
 */
export async function setOptOut(db: Db, platform: string, user: string, hash: string, optedOut: boolean): Promise<void> {
  if (!optedOut) {
    await db.run('DELETE FROM opt_outs WHERE platform = ? AND id_hash = ?', [platform, hash]);
    return;
  }
  await db.run('INSERT INTO opt_outs (platform, id_hash) VALUES (?, ?) ON CONFLICT DO NOTHING', [platform, hash]);
  await db.run('DELETE FROM chat_users WHERE platform = ? AND id = ?', [platform, user]);
}

export async function isOptedOut(db: Db, platform: string, hash: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS hit FROM opt_outs WHERE platform = ? AND id_hash = ?', [platform, hash])) !== undefined;
}

/** The stored opt-outs, with the salt they are hashed with. */
export async function readOptOuts(db: Db): Promise<OptOuts> {
  const salt = await db.get<{ salt: string }>('SELECT salt FROM privacy_salt');
  const rows = await db.all<{ id_hash: string }>('SELECT id_hash FROM opt_outs');
  return new OptOuts(Buffer.from(salt?.salt ?? '', 'hex'), new Set(rows.map((r) => r.id_hash)));
}

// The findings of a row with their matched words blanked: the match is the user's own text.
const BLANK_MATCHES = `CASE WHEN findings IS NULL THEN NULL
  ELSE (SELECT json_group_array(json(json_set(value, '$.match', ''))) FROM json_each(findings)) END`;

/**
 * Erases a user: their name, the texts of their messages (and the matched words in findings, and the
 * copies kept with feedback), their id wherever it stood (message ids that embed it, as Slack's
 * reactions do; member lists; supervisor lists and digest deliveries; identity keys). Messages and
 * feedback keep an anonymous token for the id, so every count and per-sender total stays right
 * without saying who. An opt-out stays (it is only a hash). Run inside a transaction.
 */
export async function forgetUser(db: Db, platform: string, user: string): Promise<Forgotten> {
  const token = anonymousId();
  // replace() leaves an id without the user's in it as it was (and any id when the user id is '').
  await db.run(`UPDATE messages SET sender_id = ?, id = replace(id, ?, ?), text = NULL, findings = ${BLANK_MATCHES} WHERE platform = ? AND sender_id = ?`, [
    token,
    user,
    token,
    platform,
    user,
  ]);
  await db.run(
    `UPDATE feedback SET sender_id = ?, message_id = replace(message_id, ?, ?), text = NULL, findings = ${BLANK_MATCHES}
     WHERE platform = ? AND sender_id = ?`,
    [token, user, token, platform, user],
  );
  await db.run('UPDATE feedback SET by_user = ? WHERE platform = ? AND by_user = ?', [token, platform, user]);
  await db.run('DELETE FROM group_members WHERE platform = ? AND user_id = ?', [platform, user]);
  await db.run('DELETE FROM chat_users WHERE platform = ? AND id = ?', [platform, user]);
  await db.run('DELETE FROM digest_deliveries WHERE platform = ? AND user_id = ?', [platform, user]);
  const groups = await db.all<{ id: string }>(
    `UPDATE chat_groups SET settings = json_set(settings, '$.supervisors',
       json((SELECT json_group_array(value) FROM json_each(settings, '$.supervisors') WHERE value <> ?)))
     WHERE platform = ? AND EXISTS (SELECT 1 FROM json_each(settings, '$.supervisors') WHERE value = ?)
     RETURNING id`,
    [user, platform, user],
  );
  await forgetIdentity(db, platform, user);
  return { token, supervisedGroups: groups.map((g) => g.id) };
}
