import type { Sql } from './sql/sql.js';

/**
 * The schema step that keeps, per group, how many members `forget me` took out of its member list
 * (`forgotten_members`): where the platform tells no size (DingTalk), the list is the size, and a
 * demand already counted must keep its readers after one of them is forgotten. A count, no id.
 */
export const FORGOTTEN_MEMBERS_COLUMN = 'ALTER TABLE chat_groups ADD COLUMN forgotten_members INTEGER NOT NULL DEFAULT 0;';

/**
 * At `forget me`, before the user leaves the member lists: each group listing them, by id or, opted
 * out, by hash, counts one forgotten member instead. Run inside the erasure's transaction; asked again,
 * it finds them listed nowhere and counts nothing.
 */
export async function countForgottenMember(db: Sql, platform: string, user: string, hash: string): Promise<void> {
  await db.run(
    `UPDATE chat_groups SET forgotten_members = forgotten_members + 1 WHERE platform = ? AND id IN (
       SELECT group_id FROM group_members WHERE platform = ? AND user_id = ?
       UNION SELECT group_id FROM opted_out_members WHERE platform = ? AND id_hash = ?)`,
    [platform, platform, user, platform, hash],
  );
}
