import { leadMarks } from '../core/command-key.js';
import { LEAD_TIME_STEP_MS } from '../core/lead-time.js';
import type { Sql } from './sql/sql.js';

/**
 * SQLite's step 11, PostgreSQL's step 6: earlier releases marked a lead's command done under a hash of
 * its message's id, at the lead's quarter hour, and the ids a member's DM could have sent in a quarter
 * hour are few enough to try: the mark named the lead's sender. Each lead gets this release's marks
 * (../core/command-key.ts leadMarks), so a redelivery still finds it done: they hold the quarter hour
 * its message was sent in, which its row does not (it holds the one it was handled in), so both that
 * one and the one before it are marked, a message being handled after it is sent and redelivered
 * within minutes. The marks of the old kind at a lead's time go. Another command's done mark at that
 * very millisecond goes too: only a redelivery of it, within minutes, would run it again. (A lead
 * piped to the shell is now marked without its time, which these marks hold: piped again after the
 * upgrade, it is filed again.)
 */
export async function rekeyLeadMarks(db: Sql): Promise<void> {
  const leads = await db.all<{ platform: string; group_id: string | null; text: string; ts: number | string }>(
    'SELECT platform, group_id, text, ts FROM leads',
  );
  for (const { platform, group_id, text, ts } of leads) {
    for (const sent of [Number(ts), Number(ts) - LEAD_TIME_STEP_MS]) {
      const done = leadMarks(platform, group_id, text, sent).done;
      await db.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [platform, done, Number(ts)]);
    }
  }
  await db.run(
    "DELETE FROM seen_events WHERE key LIKE 'command:%:done' AND EXISTS (SELECT 1 FROM leads l WHERE l.platform = seen_events.platform AND l.ts = seen_events.ts)",
  );
}
