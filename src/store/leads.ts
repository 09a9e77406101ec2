import { leadTime } from '../core/lead-time.js';
import type { Sql } from './sql/sql.js';
import type { Lead, Period } from './store.js';

/**
 * An anonymous tip, at its quarter hour: no sender is stored, by design; `doneKey`, the command's mark
 * that it finished (../core/command-key.ts leadMarks). Run inside a transaction.
 */
export async function addLead(db: Sql, platform: string, groupId: string | null, text: string, ts: number, doneKey?: string): Promise<void> {
  const at = leadTime(ts);
  await db.run('INSERT INTO leads (platform, group_id, text, ts) VALUES (?, ?, ?, ?)', [platform, groupId, text, at]);
  if (doneKey !== undefined) await db.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [platform, doneKey, at]);
}

export async function readLeads(db: Sql, period: Period): Promise<Lead[]> {
  const rows = await db.all<{ platform: string; group_id: string | null; text: string; ts: number }>(
    'SELECT platform, group_id, text, ts FROM leads WHERE ts >= ? AND ts < ? ORDER BY ts, rowid',
    [period.from, period.to],
  );
  return rows.map((l) => ({ platform: l.platform, groupId: l.group_id, text: l.text, ts: l.ts }));
}
