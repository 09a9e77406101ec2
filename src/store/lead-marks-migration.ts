import { leadMarks } from '../core/command-key.js';
import type { Sql } from './sql/sql.js';

/**
 * SQLite's step 11, PostgreSQL's step 6: earlier releases marked a lead's command done under a hash of
 * its message's id, at the lead's quarter hour, and the ids a member's DM could have sent in a quarter
 * hour are few enough to try: the mark named the lead's sender. Each lead gets this release's mark,
 * made of its row (../core/command-key.ts leadMarks), so a redelivery still finds it done; the marks
 * of the old kind at a lead's time go. Another command's done mark at that very millisecond goes too:
 * only a redelivery of it, within minutes, would run it again. (A lead piped to the shell is now
 * marked without its time, which its row's mark here holds: piped again after the upgrade, it is
 * filed again.)
 */
export async function rekeyLeadMarks(db: Sql): Promise<void> {
  const leads = await db.all<{ platform: string; group_id: string | null; text: string; ts: number | string }>(
    'SELECT platform, group_id, text, ts FROM leads',
  );
  for (const { platform, group_id, text, ts } of leads) {
    const done = leadMarks(platform, group_id, text, Number(ts)).done;
    await db.run('INSERT INTO seen_events (platform, key, ts) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [platform, done, Number(ts)]);
  }
  await db.run(
    "DELETE FROM seen_events WHERE key LIKE 'command:%:done' AND EXISTS (SELECT 1 FROM leads l WHERE l.platform = seen_events.platform AND l.ts = seen_events.ts)",
  );
}
