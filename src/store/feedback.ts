import type { Finding } from '../core/finding.js';
import type { Category } from '../core/categories.js';
import { categoriesOf, maskOf } from './category-mask.js';
import type { Sql } from './sql/sql.js';
import type { FalsePositive } from './store.js';

/**
 * A member says a flagged message is not formalism (for one rule, or for all with rule null). The
 * feedback row keeps the text, sender and dropped findings for tuning the rules; the message keeps
 * only its remaining findings, so its categories (mask) stop counting, and its text once none is
 * left (unflagged messages keep no text). `doneKey`, the command's mark that it finished, is written
with it: run again after a crash, the command finds itself done rather than clearing another message
and adding a second row. Run inside a transaction. False when no such message.
 */
export async function markFalsePositive(
  db: Sql,
  platform: string,
  messageId: string,
  rule: string | null,
  byUser: string,
  now: number,
  doneKey?: string,
): Promise<boolean> {
  const row = await db.get<{ sender_id: string; findings: string | null; text: string | null }>(
    'SELECT sender_id, findings, text FROM messages WHERE platform = ? AND id = ?',
    [platform, messageId],
  );
  if (!row) return false;
  const findings = row.findings ? (JSON.parse(row.findings) as Finding[]) : [];
  const dropped = findings.filter((f) => rule === null || f.rule === rule);
  const kept = findings.filter((f) => !dropped.includes(f));
  await db.run('INSERT INTO feedback (platform, message_id, sender_id, rule, by_user, ts, text, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    platform,
    messageId,
    row.sender_id,
    rule,
    byUser,
    now,
    row.text,
    JSON.stringify(dropped),
  ]);
  const flagged = kept.length > 0;
  await db.run('UPDATE messages SET mask = ?, findings = ?, text = ? WHERE platform = ? AND id = ?', [
    maskOf(kept.map((f): Category => f.category)),
    flagged ? JSON.stringify(kept) : null,
    flagged ? row.text : null,
    platform,
    messageId,
  ]);
  if (doneKey !== undefined) await db.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [platform, doneKey, now]);
  return true;
}

/**
 * Every "not formalism" feedback, oldest first, with what its message is flagged for now (null once
 * the message itself was purged): the labelled lines a deployment can train its own model on.
 */
export async function readFalsePositives(db: Sql): Promise<FalsePositive[]> {
  const rows = await db.all<{ platform: string; message_id: string; rule: string | null; ts: number; text: string | null; mask: number | null }>(
    `SELECT f.platform, f.message_id, f.rule, f.ts, f.text, m.mask
       FROM feedback f LEFT JOIN messages m ON m.platform = f.platform AND m.id = f.message_id
      ORDER BY f.ts, f.rowid`,
  );
  return rows.map((r) => ({
    platform: r.platform,
    messageId: r.message_id,
    rule: r.rule,
    ts: Number(r.ts),
    text: r.text,
    flaggedFor: r.mask === null ? null : categoriesOf(Number(r.mask)),
  }));
}
