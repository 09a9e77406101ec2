import { isAnonymousId } from '../core/anonymous-id.js';
import type { MessageRecord } from '../core/message-record.js';
import type { Finding } from '../core/finding.js';
import { MESSAGE_COLUMNS, toRow, withoutMatches } from './record-row.js';
import type { Sql } from './sql/sql.js';

/** What an edit changes of a stored message: what it says and what was read from that. */
const EDITED = ['length', 'hash', 'is_ack', 'mask', 'findings', 'text', 'deadline'] as const;

/**
 * Replaces what a stored message says with `r`, the edited message classified anew: its text and what
 * was read from it (length, hash, acknowledgement, categories, findings, deadline). Its id, group,
 * sender, time, recipients and reply stay as stored. A correction made earlier stays made: findings
 * of a rule members marked not formalism on it (every rule, for a correction of all) are dropped
 * again. As with a new message, a sender who opted out (`anonOf`), or was forgotten (the stored sender
 * is then an anonymous id), keeps no text or matched words. The copies of the old words kept with
 * `not formalism` feedback and `missed` reports go too (see dropOldWords). Undefined
 * when no such message is stored, else whether a stored text was replaced or erased (for the caller to
 * empty SQLite's WAL of it). Undefined too, and nothing changed, for an edit made at `editedAt` when
 * one made later was applied already (see newestEdit). Run inside a transaction.
 */
export async function editMessage(db: Sql, r: MessageRecord, anonOf: (sender: string) => string | undefined, editedAt?: number): Promise<boolean | undefined> {
  const stored = await db.get<{ sender_id: string; text: string | null }>(
    `SELECT sender_id, text FROM messages WHERE platform = ? AND id = ?${db.dialect.forUpdate}`,
    [r.platform, r.id],
  );
  if (!stored || (editedAt !== undefined && !(await newestEdit(db, r.platform, r.id, editedAt)))) return undefined;
  const corrected = await db.all<{ rule: string | null }>('SELECT rule FROM feedback WHERE platform = ? AND message_id = ?', [r.platform, r.id]);
  const findings = r.findings.filter((f) => !corrected.some((c) => c.rule === null || c.rule === f.rule));
  const categories = [...new Set(findings.map((f) => f.category))].sort();
  const anon = isAnonymousId(stored.sender_id) ? stored.sender_id : anonOf(stored.sender_id);
  const row = toRow({ ...r, findings, categories }, anon);
  const value = (column: (typeof EDITED)[number]) => row[MESSAGE_COLUMNS.indexOf(column)];
  await db.run(`UPDATE messages SET ${EDITED.map((c) => `${c} = ?`).join(', ')} WHERE platform = ? AND id = ?`, [...EDITED.map(value), r.platform, r.id]);
  const replaced = stored.text !== null && stored.text !== value('text');
  // Whatever the hash says: it folds digits, case and width, so an edit correcting a phone number or
  // a password has the same one, and adapters pass on only edits that change the text.
  return (await dropOldWords(db, r.platform, r.id)) || replaced;
}

/**
 * Erases the copies of a message's earlier words kept with `not formalism` feedback (its text and
 * matched words) and `missed` reports (its text): members judged those words, not the edit's, and
 * the sender took them back. The corrections and reports stay, as they count. Whether any held text.
 */
async function dropOldWords(db: Sql, platform: string, id: string): Promise<boolean> {
  const feedback = await db.all<{ rowid: number; text: string | null; findings: string }>(
    'SELECT rowid, text, findings FROM feedback WHERE platform = ? AND message_id = ?',
    [platform, id],
  );
  for (const f of feedback)
    await db.run('UPDATE feedback SET text = NULL, findings = ? WHERE rowid = ?', [
      JSON.stringify(withoutMatches(JSON.parse(f.findings) as Finding[])),
      f.rowid,
    ]);
  const missed = await db.all('UPDATE missed_demands SET text = NULL WHERE platform = ? AND message_id = ? AND text IS NOT NULL RETURNING by_user', [
    platform,
    id,
  ]);
  return missed.length > 0 || feedback.some((f) => f.text !== null);
}

/**
 * Whether an edit made at `editedAt` is the newest of the message's edits applied so far, noting its
 * time if so: a platform's retry of an older edit, arriving after a later one, must not undo it. The
 * time is kept as a seen mark (`edited:<id>`), which goes with the retention purge as the message
 * does; the message's row, locked by the caller, keeps two edits from deciding at once.
 */
async function newestEdit(db: Sql, platform: string, id: string, editedAt: number): Promise<boolean> {
  const key = `edited:${id}`;
  const last = await db.get<{ ts: number | string }>('SELECT ts FROM seen_events WHERE platform = ? AND key = ?', [platform, key]);
  if (last && Number(last.ts) >= editedAt) return false;
  await db.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?) ON CONFLICT (platform, key) DO UPDATE SET ts = excluded.ts', [
    platform,
    key,
    editedAt,
  ]);
  return true;
}
