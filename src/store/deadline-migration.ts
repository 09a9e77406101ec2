import type { Deadline } from '../core/message-record.js';
import { rowsJson } from './bulk-insert.js';
import type { Db } from './db.js';

/**
 * What the analysis reads from a message's text as it records it; given to the store when it is
 * opened, so that rows kept before a reading existed get it too, while the store imports nothing above it.
 */
export interface TextReading {
  hash(text: string): string;
  deadline(text: string): Deadline | null;
}

const PAGE = 2000;

/**
 * Schema step 4: flagged messages get the deadline their text names (read once here, so a report
 * needs no text for after-hours) and their hash in the form demands are compared in, digits
 * folded (so a report groups duplicates by hash and reads one text per group). Messages without
 * text keep their hash: only demands are compared, and a demand without text is a forgotten one.
 */
export async function addDeadlines(db: Db, reading: TextReading): Promise<void> {
  await db.exec('ALTER TABLE messages ADD COLUMN deadline INTEGER');
  for (let after = -1; ;) {
    const rows = await db.all<{ rowid: number; text: string }>('SELECT rowid, text FROM messages WHERE rowid > ? AND text IS NOT NULL ORDER BY rowid LIMIT ?', [
      after,
      PAGE,
    ]);
    if (rows.length === 0) return;
    await db.run(`UPDATE messages SET hash = j.value ->> 1, deadline = j.value ->> 2 FROM json_each(?) AS j WHERE messages.rowid = j.value ->> 0`, [
      rowsJson(rows.map((r) => [r.rowid, reading.hash(r.text), reading.deadline(r.text)])),
    ]);
    after = rows[rows.length - 1].rowid;
  }
}
