import { HOUR_MS } from '../core/time/units.js';
import type { Sql } from './sql/sql.js';
import type { DeliveryRow } from './store.js';

/** A claim older than this belongs to a process that died mid-send: the week is owed again. */
const STALE_CLAIM_MS = HOUR_MS;

/**
 * Takes a supervisor's week for sending, in one statement, so that any number of processes firing
 * at once (the bot's cron on several instances, a `digest --send`) send it once: false when it was
 * sent already or another process is sending it (a claim older than STALE_CLAIM_MS is taken over).
 */
export async function claimDelivery(db: Sql, platform: string, user: string, week: string, now: number): Promise<boolean> {
  const changes = await db.run(
    `INSERT INTO digest_deliveries (platform, user_id, week, status, attempts, error, updated)
     VALUES (?, ?, ?, 'sending', 1, NULL, ?)
     ON CONFLICT (platform, user_id, week) DO UPDATE SET status = 'sending', attempts = digest_deliveries.attempts + 1, updated = excluded.updated
     WHERE digest_deliveries.status = 'failed' OR (digest_deliveries.status = 'sending' AND digest_deliveries.updated <= ?)`,
    [platform, user, week, now, now - STALE_CLAIM_MS],
  );
  return changes === 1;
}

/** Records how a claimed week's sending ended: sent, or failed with `error`. */
export async function settleDelivery(db: Sql, platform: string, user: string, week: string, error: string | null, now: number): Promise<void> {
  await db.run(`UPDATE digest_deliveries SET status = ?, error = ?, updated = ? WHERE platform = ? AND user_id = ? AND week = ?`, [
    error === null ? 'sent' : 'failed',
    error,
    now,
    platform,
    user,
    week,
  ]);
}

/** A supervisor's records, oldest week first. */
export function readDeliveries(db: Sql, platform: string, user: string): Promise<DeliveryRow[]> {
  return db.all<DeliveryRow>('SELECT week, status, attempts, error, updated FROM digest_deliveries WHERE platform = ? AND user_id = ? ORDER BY week', [
    platform,
    user,
  ]);
}
