import { anonymousId } from '../core/anonymous-id.js';
import type { Finding } from '../core/finding.js';
import { replaceSenderInId } from '../core/sender-in-id.js';
import { forgetIdentity } from './identities.js';
import { hideNames } from './hidden-names.js';
import { privacySalt } from './privacy-salt.js';
import { noteForgotten } from './forgotten.js';
import { OptOuts } from './opt-outs.js';
import { countForgottenMember } from './forgotten-members.js';
import { dropMemberships, restoreMemberships, setMembershipsAside } from './opted-out-members.js';
import { withoutMatches } from './record-row.js';
import type { Sql } from './sql/sql.js';
import type { Forgotten, GroupSettings } from './store.js';

/**
 * Marks a change of who opted out (or was forgotten), first thing in its transaction. Every ingest
 * batch reads the mark under a shared lock before it writes (see readPrivacyEpoch), so a batch of any
 * process commits either wholly before the change, whose erasure then covers it, or after it, having
 * seen the change: none stores an opted-out sender's words because it had not heard yet.
 */
export async function bumpPrivacyEpoch(db: Sql): Promise<void> {
  await db.run('UPDATE privacy_epoch SET epoch = epoch + 1');
}

/**
 * The mark bumpPrivacyEpoch moves; run inside the transaction that writes a batch. One that moves it
 * later takes the lock for `update` at once: two holding it shared would deadlock moving it.
 */
export async function readPrivacyEpoch(db: Sql, lock: 'share' | 'update' = 'share'): Promise<number> {
  const row = await db.get<{ epoch: number }>(`SELECT epoch FROM privacy_epoch${lock === 'share' ? db.dialect.forShare : db.dialect.forUpdate}`);
  return row?.epoch ?? 0;
}

/**
 * Opts a user out (or back in), `hash` being their OptOuts hash. While opted out, their new messages
 * are stored under an anonymous id without name or text, their stored name goes, and their id leaves
 * the member lists until they opt back in (opted-out-members.ts). Run inside a transaction.
 */
export async function setOptOut(db: Sql, platform: string, user: string, hash: string, optedOut: boolean): Promise<void> {
  await bumpPrivacyEpoch(db);
  if (!optedOut) {
    await db.run('DELETE FROM opt_outs WHERE platform = ? AND id_hash = ?', [platform, hash]);
    await restoreMemberships(db, platform, user, hash);
    return;
  }
  await db.run('INSERT INTO opt_outs (platform, id_hash) VALUES (?, ?) ON CONFLICT DO NOTHING', [platform, hash]);
  await hideNames(db, platform, user, hash);
  await db.run('DELETE FROM chat_users WHERE platform = ? AND id = ?', [platform, user]);
  await setMembershipsAside(db, platform, user, hash);
}

export async function isOptedOut(db: Sql, platform: string, hash: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS hit FROM opt_outs WHERE platform = ? AND id_hash = ?', [platform, hash])) !== undefined;
}

/** The stored opt-out hashes. */
export async function readOptOutHashes(db: Sql): Promise<Set<string>> {
  const rows = await db.all<{ id_hash: string }>('SELECT id_hash FROM opt_outs');
  return new Set(rows.map((r) => r.id_hash));
}

/** Who said `forget me` (by hash) and when they last did. */
export async function readForgotten(db: Sql): Promise<Map<string, number>> {
  const rows = await db.all<{ id_hash: string; ts: number | string }>('SELECT id_hash, max(ts) AS ts FROM forgotten_users GROUP BY id_hash');
  return new Map(rows.map((r) => [r.id_hash, Number(r.ts)]));
}

/** The stored opt-outs, with the salt they are hashed with. */
export async function readOptOuts(db: Sql): Promise<OptOuts> {
  return new OptOuts(await privacySalt(db), await readOptOutHashes(db));
}

/**
 * Erases a user: their name, the texts of their messages (and the matched words in findings, and the
 * copies kept with feedback and reports of missed demands), their id wherever it stood (the sender's
 * place in message ids that have one, Slack's reactions', see sender-in-id.ts; member lists;
 * supervisor lists and digest deliveries; identity keys). Messages, feedback and reports keep an
 * anonymous token for the id, so every count and per-sender total stays right without saying who. An opt-out stays (it is only a hash), and the
 * erasure is noted under the same hash (`hash`), so that no later report of a missed demand keeps a
 * text of theirs sent before it (forgotten.ts). Run inside a transaction.
 */
export async function forgetUser(db: Sql, platform: string, user: string, hash: string, now: number): Promise<Forgotten> {
  await bumpPrivacyEpoch(db);
  await noteForgotten(db, platform, hash, now);
  const token = anonymousId();
  const messages = await db.all<{ id: string; findings: string }>(
    'UPDATE messages SET sender_id = ?, text = NULL WHERE platform = ? AND sender_id = ? RETURNING id, findings',
    [token, platform, user],
  );
  await blankMatches(db, 'messages', 'id', platform, messages);
  await renameIds(db, 'messages', 'id', platform, user, token, messages);
  const feedback = await db.all<{ id: string; findings: string }>(
    'UPDATE feedback SET sender_id = ?, text = NULL WHERE platform = ? AND sender_id = ? RETURNING message_id AS id, findings',
    [token, platform, user],
  );
  await blankMatches(db, 'feedback', 'message_id', platform, feedback);
  await renameIds(db, 'feedback', 'message_id', platform, user, token, feedback);
  await db.run('UPDATE feedback SET by_user = ? WHERE platform = ? AND by_user = ?', [token, platform, user]);
  const missed = await db.all<{ id: string }>(
    'UPDATE missed_demands SET sender_id = ?, text = NULL WHERE platform = ? AND sender_id = ? RETURNING message_id AS id',
    [token, platform, user],
  );
  await renameIds(db, 'missed_demands', 'message_id', platform, user, token, missed);
  await db.run('UPDATE missed_demands SET by_user = ? WHERE platform = ? AND by_user = ?', [token, platform, user]);
  // An admin may have named them as a supervisor by their name (WeChat's ids change at every login).
  const name = await hideNames(db, platform, user, hash);
  await countForgottenMember(db, platform, user, hash);
  await db.run('DELETE FROM group_members WHERE platform = ? AND user_id = ?', [platform, user]);
  await dropMemberships(db, platform, hash);
  await db.run('DELETE FROM chat_users WHERE platform = ? AND id = ?', [platform, user]);
  await db.run('DELETE FROM digest_deliveries WHERE platform = ? AND user_id = ?', [platform, user]);
  const supervisedGroups = await dropSupervisor(db, platform, name ? [user, name] : [user]);
  await forgetIdentity(db, platform, user);
  return { token, supervisedGroups };
}

/** Puts `token` in the user's place in the ids that hold their sender (Slack's reactions, sender-in-id.ts), no other. */
async function renameIds(db: Sql, table: string, idColumn: string, platform: string, user: string, token: string, rows: { id: string }[]) {
  for (const { id } of rows) {
    const renamed = replaceSenderInId(platform, id, user, token);
    if (renamed !== id) await db.run(`UPDATE ${table} SET ${idColumn} = ? WHERE platform = ? AND ${idColumn} = ?`, [renamed, platform, id]);
  }
}

/** Findings keep which rule and category fired, not the words that matched: those are the user's text. */
async function blankMatches(db: Sql, table: 'messages' | 'feedback', idColumn: string, platform: string, rows: { id: string; findings: string | null }[]) {
  for (const row of rows) {
    if (row.findings === null) continue;
    const blanked = JSON.stringify(withoutMatches(JSON.parse(row.findings) as Finding[]));
    await db.run(`UPDATE ${table} SET findings = ? WHERE platform = ? AND ${idColumn} = ?`, [blanked, platform, row.id]);
  }
}

/**
 * Takes the user, by id or name, off every group's supervisor list; returns those groups' ids. The
 * rows are locked as they are read (in key order, so two erasures never deadlock): a settings change
 * another instance commits meanwhile is read and kept, not overwritten.
 */
async function dropSupervisor(db: Sql, platform: string, them: string[]): Promise<string[]> {
  const groups = await db.all<{ id: string; settings: string }>(
    `SELECT id, settings FROM chat_groups WHERE platform = ? AND settings IS NOT NULL ORDER BY id${db.dialect.forUpdate}`,
    [platform],
  );
  const dropped: string[] = [];
  for (const g of groups) {
    const settings = JSON.parse(g.settings) as Partial<GroupSettings>;
    if (!settings.supervisors?.some((s) => them.includes(s))) continue;
    settings.supervisors = settings.supervisors.filter((s) => !them.includes(s));
    await db.run('UPDATE chat_groups SET settings = ? WHERE platform = ? AND id = ?', [JSON.stringify(settings), platform, g.id]);
    dropped.push(g.id);
  }
  return dropped;
}
