import type { Sql } from './sql/sql.js';
import type { SerialWriter } from './serial-writer.js';

export async function readIdentity(db: Sql, platform: string, key: string): Promise<string | undefined> {
  const row = await db.get<{ stable_id: string }>('SELECT stable_id FROM identities WHERE platform = ? AND key = ?', [platform, key]);
  return row?.stable_id;
}

interface Binding {
  platform: string;
  key: string;
  stableId: string;
}

/**
 * Binds keys to stable ids, replacing what a key was bound to (a rename moves a topic to an id).
 * Bindings made while a write waits for the writer join it: a 500-member room seen for the first
 * time binds 1000 keys at once, and one transaction for them all keeps the writer free for messages.
 */
export class IdentityWriter {
  private pending: Binding[] = [];
  private next: Promise<void> | undefined;

  constructor(private readonly writer: SerialWriter) {}

  /** Resolves once the binding is committed. */
  put(platform: string, key: string, stableId: string): Promise<void> {
    this.pending.push({ platform, key, stableId });
    this.next ??= this.writer.transaction(async (db) => {
      const batch = this.pending;
      this.pending = [];
      this.next = undefined;
      for (const b of batch) {
        await db.run(
          `INSERT INTO identities (platform, key, stable_id) VALUES (?, ?, ?)
           ON CONFLICT (platform, key) DO UPDATE SET stable_id = excluded.stable_id`,
          [b.platform, b.key, b.stableId],
        );
      }
    });
    return this.next;
  }
}

/** Drops every key that leads to a forgotten user, so nothing maps the person's names to them. Run inside a transaction. */
export async function forgetIdentity(db: Sql, platform: string, stableId: string): Promise<void> {
  await db.run('DELETE FROM identities WHERE platform = ? AND stable_id = ?', [platform, stableId]);
}
