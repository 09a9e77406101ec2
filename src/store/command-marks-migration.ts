import { doneKey } from '../core/command-key.js';
import { LEAD_TIME_STEP_MS, leadTime } from '../core/lead-time.js';
import type { Sql } from './sql/sql.js';

/** A mark as this release writes it: a hash of the message id (see ../core/command-key.ts). */
const HASHED = /^command:[A-Za-z0-9_-]{22}(?::done)?$/;

/**
 * SQLite's step 10, PostgreSQL's step 5: command marks written before they were hashed held the
 * message id (`cmd:<id>`, `command:<id>`, `command:<id>:done`), which ties a lead to its sender, and
 * this release did not recognise them, so a redelivered or re-fed command ran again. Each finished
 * one becomes this release's done mark, at its quarter hour; a begun one, which held the exact time,
 * goes. Leads stored at their exact time are put at their quarter hour too.
 */
export async function hashCommandMarks(db: Sql): Promise<void> {
  const marks = await db.all<{ platform: string; key: string; ts: number | string }>(
    "SELECT platform, key, ts FROM seen_events WHERE key LIKE 'cmd:%' OR key LIKE 'command:%'",
  );
  for (const { platform, key, ts } of marks) {
    if (HASHED.test(key)) continue;
    await db.run('DELETE FROM seen_events WHERE platform = ? AND key = ?', [platform, key]);
    const id = key.startsWith('cmd:') ? key.slice('cmd:'.length) : key.endsWith(':done') ? key.slice('command:'.length, -':done'.length) : undefined;
    if (id === undefined) continue;
    await db.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [platform, doneKey(id), leadTime(Number(ts))]);
  }
  await db.run(`UPDATE leads SET ts = ts - (ts % ${LEAD_TIME_STEP_MS}) WHERE ts % ${LEAD_TIME_STEP_MS} <> 0`);
}
