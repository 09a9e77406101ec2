import type { Sql } from './sql/sql.js';

/**
 * The groups whose member lists would hold a member who opted out, under their opt-out hash (a salted
 * hash, see opt-outs.ts): their id leaves the lists while they are out, and `optin` puts it back where
 * the platform still lists them, which a roster the bot has seen already would not write again. Rows
 * go with their group, as member lists do (retention purge, ON DELETE CASCADE).
 */
export const OPTED_OUT_MEMBERS_TABLE = `
CREATE TABLE opted_out_members (
  platform TEXT NOT NULL,
  group_id TEXT NOT NULL,
  id_hash TEXT NOT NULL,
  PRIMARY KEY (platform, group_id, id_hash),
  FOREIGN KEY (platform, group_id) REFERENCES chat_groups (platform, id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX opted_out_members_hash ON opted_out_members (platform, id_hash);
`;

/** At `optout`: the user's memberships leave the member lists for their hash. Run inside the opt-out's transaction. */
export async function setMembershipsAside(db: Sql, platform: string, user: string, hash: string): Promise<void> {
  await db.run(
    `INSERT INTO opted_out_members (platform, group_id, id_hash)
     SELECT platform, group_id, ? FROM group_members WHERE platform = ? AND user_id = ? ON CONFLICT DO NOTHING`,
    [hash, platform, user],
  );
  await db.run('DELETE FROM group_members WHERE platform = ? AND user_id = ?', [platform, user]);
}

/** At `optin`: the user's id back in the member lists their hash stood in. Run inside the opt-in's transaction. */
export async function restoreMemberships(db: Sql, platform: string, user: string, hash: string): Promise<void> {
  await db.run(
    `INSERT INTO group_members (platform, group_id, user_id)
     SELECT platform, group_id, ? FROM opted_out_members WHERE platform = ? AND id_hash = ? ON CONFLICT DO NOTHING`,
    [user, platform, hash],
  );
  await dropMemberships(db, platform, hash);
}

/** After `forget me` a member stays out of member lists for good. */
export async function dropMemberships(db: Sql, platform: string, hash: string): Promise<void> {
  await db.run('DELETE FROM opted_out_members WHERE platform = ? AND id_hash = ?', [platform, hash]);
}

/** A roster written anew: the opted-out members it lists, by hash, replace those noted for the group (members leave). */
export async function replaceOptedOutMembers(db: Sql, platform: string, groupId: string, hashes: readonly string[]): Promise<void> {
  await db.run('DELETE FROM opted_out_members WHERE platform = ? AND group_id = ?', [platform, groupId]);
  for (const hash of new Set(hashes)) {
    await db.run('INSERT INTO opted_out_members (platform, group_id, id_hash) VALUES (?, ?, ?)', [platform, groupId, hash]);
  }
}

/** An opted-out member seen speaking in a group whose platform lists no members (GroupUpsert.speakerId). */
export async function addOptedOutMember(db: Sql, platform: string, groupId: string, hash: string): Promise<void> {
  await db.run('INSERT INTO opted_out_members (platform, group_id, id_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [platform, groupId, hash]);
}
