import { categoriesOf, maskOf } from './category-mask.js';
import { forgottenSince } from './forgotten.js';
import { anonymousId } from '../core/anonymous-id.js';
import { isOptedOut, readPrivacyEpoch } from './privacy.js';
import { removedAmong } from './removed.js';
import type { Sql } from './sql/sql.js';
import type { MissedDemand, MissedReport } from './store.js';

/**
 * The table of reports, one row per reporter and message (reporting again adds categories), its
 * categories a mask as messages keep theirs; `time` is the dialect's type for epoch milliseconds.
 */
export const missedDemandsTable = (time: 'INTEGER' | 'BIGINT'): string => `
CREATE TABLE missed_demands (
  platform TEXT NOT NULL,
  message_id TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  by_user TEXT NOT NULL,
  ts ${time} NOT NULL,
  text TEXT,
  mask INTEGER NOT NULL,
  PRIMARY KEY (platform, message_id, by_user)
);
CREATE INDEX missed_demands_ts ON missed_demands (ts);
`;

/**
 * A member says a message the bot left alone demands these categories. The row keeps its text, as
 * flagged messages keep theirs, for `feedback export`; it does not count in any figure (one member's
 * word does not make a demand). Reporting the same message again adds categories. Nothing is kept,
 * and false returned, when the sender (`senderHash`, as opt-outs hash them) said `forget me` after
 * the message was sent, or when the message was removed (its text held elsewhere is no longer theirs
 * to give either). A sender who opted out keeps neither text nor id in it, yet it is taken as
 * any other: a different answer would tell the reporter that they opted out. Run inside a transaction.
 */
export async function reportMissed(db: Sql, r: MissedReport, senderHash: string, now: number): Promise<boolean> {
  // Under the privacy mark's shared lock, as an ingest batch writes: a `forget me` of another instance
  // then commits wholly before this (and its note is seen) or after (and erases this row's text).
  await readPrivacyEpoch(db);
  if (await forgottenSince(db, r.platform, senderHash, r.sentAt)) return false;
  if ((await removedAmong(db, r.platform, [r.messageId])).size > 0) return false;
  const optedOut = await isOptedOut(db, r.platform, senderHash);
  await db.run(
    `INSERT INTO missed_demands (platform, message_id, sender_id, by_user, ts, text, mask) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (platform, message_id, by_user) DO UPDATE SET mask = missed_demands.mask | excluded.mask, ts = excluded.ts`,
    [r.platform, r.messageId, optedOut ? anonymousId() : r.senderId, r.byUser, now, optedOut ? null : r.text, maskOf(r.categories)],
  );
  return true;
}

/**
 * Every report, oldest first, with the categories its message is flagged for now (null when the
 * message is not stored or was purged): what a training line of it must be labelled with besides.
 */
export async function readMissed(db: Sql): Promise<MissedDemand[]> {
  const rows = await db.all<{ platform: string; message_id: string; ts: number; text: string | null; mask: number; flagged: number | null }>(
    `SELECT d.platform, d.message_id, d.ts, d.text, d.mask, m.mask AS flagged
       FROM missed_demands d LEFT JOIN messages m ON m.platform = d.platform AND m.id = d.message_id
      ORDER BY d.ts, d.platform, d.message_id, d.by_user`,
  );
  return rows.map((r) => ({
    platform: r.platform,
    messageId: r.message_id,
    ts: Number(r.ts),
    text: r.text,
    categories: categoriesOf(Number(r.mask)),
    flaggedFor: r.flagged === null ? null : categoriesOf(Number(r.flagged)),
  }));
}
