import { jsonText } from '../sql/dialect.js';
import type { TextReading } from '../text-reading.js';
import type { Db } from './db.js';

const PAGE = 2000;

/**
 * Schema step 4: flagged messages get the deadline their text names as of the day each was sent (read once here, so a report
 * needs no text for after-hours) and their hash in the form demands are compared in, digits
 * folded (so a report groups duplicates by hash and reads one text per group). Messages without
 * text keep their hash: only demands are compared, and a demand without text is a forgotten one.
 */
export async function addDeadlines(db: Db, reading: TextReading): Promise<void> {
  await db.exec('ALTER TABLE messages ADD COLUMN deadline INTEGER');
  for (let after = -1; ;) {
    const rows = await db.all<{ rowid: number; text: string; ts: number }>(
      'SELECT rowid, text, ts FROM messages WHERE rowid > ? AND text IS NOT NULL ORDER BY rowid LIMIT ?',
      [after, PAGE],
    );
    if (rows.length === 0) return;
    await db.run(`UPDATE messages SET hash = j.value ->> 1, deadline = j.value ->> 2 FROM json_each(?) AS j WHERE messages.rowid = j.value ->> 0`, [
      jsonText(rows.map((r) => [r.rowid, reading.hash(r.text), reading.deadline(r.text, r.ts)])),
    ]);
    after = rows[rows.length - 1].rowid;
  }
}
