import { Db } from '../store/db.js';
import { HOUR_MS } from '../core/time/units.js';

export type DeliveryStatus = 'sending' | 'sent' | 'failed';

/** A claim older than this belongs to a process that died mid-send: the week is owed again. */
export const STALE_CLAIM_MS = HOUR_MS;

export interface DeliveryRow {
  week: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  updated: number;
}

/**
 * The `digest_deliveries` table on its own connection to the store's file (the store keeps its
 * connections to itself): which supervisor got which week. A claim is taken in one statement before
 * sending, so the bot and a `digest --send` running at the same moment never both send.
 */
export class DeliveryLog {
  private constructor(private readonly db: Db) {}

  /** Opens the log on a store's file, after openStore has brought its schema up to date. */
  static async open(path: string, busyTimeoutMs = 5000): Promise<DeliveryLog> {
    return new DeliveryLog(await Db.open(path, busyTimeoutMs));
  }

  /**
   * Takes the week for sending; false when it was sent already or another process is sending it
   * (a claim older than STALE_CLAIM_MS is taken over).
   */
  async claim(platform: string, user: string, week: string, now: number): Promise<boolean> {
    const changes = await this.db.run(
      `INSERT INTO digest_deliveries (platform, user_id, week, status, attempts, error, updated)
       VALUES (?, ?, ?, 'sending', 1, NULL, ?)
       ON CONFLICT (platform, user_id, week) DO UPDATE SET status = 'sending', attempts = attempts + 1, updated = excluded.updated
       WHERE status = 'failed' OR (status = 'sending' AND updated <= ?)`,
      [platform, user, week, now, now - STALE_CLAIM_MS],
    );
    return changes === 1;
  }

  async markSent(platform: string, user: string, week: string, now: number): Promise<void> {
    await this.db.run(`UPDATE digest_deliveries SET status = 'sent', error = NULL, updated = ? WHERE platform = ? AND user_id = ? AND week = ?`, [
      now,
      platform,
      user,
      week,
    ]);
  }

  async markFailed(platform: string, user: string, week: string, error: string, now: number): Promise<void> {
    await this.db.run(`UPDATE digest_deliveries SET status = 'failed', error = ?, updated = ? WHERE platform = ? AND user_id = ? AND week = ?`, [
      error,
      now,
      platform,
      user,
      week,
    ]);
  }

  /** A supervisor's records, oldest week first. */
  rows(platform: string, user: string): Promise<DeliveryRow[]> {
    return this.db.all<DeliveryRow>('SELECT week, status, attempts, error, updated FROM digest_deliveries WHERE platform = ? AND user_id = ? ORDER BY week', [
      platform,
      user,
    ]);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
