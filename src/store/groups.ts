import { InputError } from '../core/errors.js';
import type { Param, Sql } from './sql/sql.js';
import type { GroupInfo, GroupPerson, GroupSettings, GroupSupervisors, GroupUpsert, Scope } from './store.js';
import type { Person } from '../core/person.js';
import { groupsWhere, scopeWhere } from './scope-sql.js';
import { groupKey } from '../core/group-key.js';

/** A group's settings before its admins change any: made anew each time, as callers edit what they get. */
const defaultGroupSettings = (): GroupSettings => ({ mode: 'silent', disabledRules: [] });

/** An upsert's first and last seen: they only widen, and a side that is unknown (null) gives way. */
function widenSeen(db: Sql): string {
  const d = db.dialect;
  const pick = (f: typeof d.least, c: string) => `${c} = ${f(`coalesce(chat_groups.${c}, excluded.${c})`, `coalesce(excluded.${c}, chat_groups.${c})`)}`;
  return `${pick(d.least, 'first_seen')}, ${pick(d.greatest, 'last_seen')}`;
}

/** Member ids per INSERT: 3 parameters each. */
const MEMBERS_PER_INSERT = 300;

/**
 * Creates or updates a group; absent fields keep what is stored, first/last seen only widen. A given
 * member list replaces the stored one (members leave), and its size the count unless a count comes with it;
 * a speaker joins the stored list. Run inside a transaction.
 */
export async function upsertGroup(db: Sql, g: GroupUpsert): Promise<void> {
  const count = g.memberCount ?? g.memberIds?.length ?? null;
  const seen = g.seenAt ?? null;
  await db.run(
    `INSERT INTO chat_groups (platform, id, name, member_count, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (platform, id) DO UPDATE SET
       name = coalesce(excluded.name, chat_groups.name),
       member_count = coalesce(excluded.member_count, chat_groups.member_count),
       ${widenSeen(db)}`,
    [g.platform, g.id, g.name ?? null, count, seen, seen],
  );
  if (g.memberIds !== undefined) await replaceMembers(db, g.platform, g.id, g.memberIds);
  if (g.speakerId !== undefined) {
    await db.run('INSERT INTO group_members (platform, group_id, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [g.platform, g.id, g.speakerId]);
  }
}

async function replaceMembers(db: Sql, platform: string, groupId: string, memberIds: readonly string[]): Promise<void> {
  await db.run('DELETE FROM group_members WHERE platform = ? AND group_id = ?', [platform, groupId]);
  const ids = [...new Set(memberIds)];
  for (let i = 0; i < ids.length; i += MEMBERS_PER_INSERT) {
    const part = ids.slice(i, i + MEMBERS_PER_INSERT);
    const params: Param[] = part.flatMap((user) => [platform, groupId, user]);
    await db.run(`INSERT INTO group_members (platform, group_id, user_id) VALUES ${part.map(() => '(?, ?, ?)').join(', ')}`, params);
  }
}

interface GroupRow {
  platform: string;
  id: string;
  name: string | null;
  member_count: number | null;
  first_seen: number | null;
  last_seen: number | null;
  unlisted: number | string;
}

/**
 * Groups with their member ids: all, or those of a scope's platform and ids. Only theirs are read: a
 * digest for the supervisor of one group would otherwise read every group's members, a million or more.
 */
export async function readGroups(db: Sql, scope: Pick<Scope, 'platform' | 'groupIds'> = {}): Promise<(GroupInfo & { platform: string })[]> {
  // chat_groups' id read as group_id, as the scope's terms name it.
  const where = groupsWhere(scope, 'g', db.dialect);
  const listed = listedWhere(db, scope);
  const [groups, members] = await Promise.all([
    db.all<GroupRow>(
      `SELECT platform, id, name, member_count, first_seen, last_seen,
         forgotten_members + (SELECT count(*) FROM opted_out_members o WHERE o.platform = g.platform AND o.group_id = g.id) AS unlisted
       FROM (SELECT *, id AS group_id FROM chat_groups) g WHERE ${['1 = 1', ...where.terms].join(' AND ')} ORDER BY platform, id`,
      where.params,
    ),
    db.all<{ platform: string; group_id: string; user_id: string }>(
      `SELECT platform, group_id, user_id FROM group_members gm WHERE ${['1 = 1', ...listed.terms].join(' AND ')} ORDER BY platform, group_id, user_id`,
      listed.params,
    ),
  ]);
  const byGroup = new Map<string, string[]>();
  for (const m of members) {
    const key = groupKey(m.platform, m.group_id);
    const list = byGroup.get(key);
    if (list) list.push(m.user_id);
    else byGroup.set(key, [m.user_id]);
  }
  return groups.map((g) => ({
    platform: g.platform,
    id: g.id,
    name: g.name ?? g.id,
    members: g.member_count ?? 0,
    memberIds: byGroup.get(groupKey(g.platform, g.id)) ?? [],
    unlisted: Number(g.unlisted),
    firstSeen: g.first_seen,
    lastSeen: g.last_seen,
  }));
}

/** A group's settings; `lock` (inside a write transaction) holds its row against other writers until commit. */
export async function readGroupSettings(db: Sql, platform: string, id: string, lock = ''): Promise<GroupSettings> {
  const row = await db.get<{ settings: string | null }>(`SELECT settings FROM chat_groups WHERE platform = ? AND id = ?${lock}`, [platform, id]);
  const stored = row?.settings ? (JSON.parse(row.settings) as Partial<GroupSettings>) : {};
  return { ...defaultGroupSettings(), ...stored };
}

/**
 * The groups whose settings name supervisors, and these, by platform and id: the settings alone, as a
 * digest run's recipients need no member of any group (4 million read for them took 21 s and 2 GB).
 */
export async function readGroupSupervisors(db: Sql): Promise<GroupSupervisors[]> {
  const rows = await db.all<{ platform: string; id: string; settings: string }>(
    'SELECT platform, id, settings FROM chat_groups WHERE settings IS NOT NULL ORDER BY platform, id',
  );
  return rows.flatMap((r) => {
    const { supervisors } = JSON.parse(r.settings) as Partial<GroupSettings>;
    return supervisors?.length ? [{ platform: r.platform, id: r.id, supervisors }] : [];
  });
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Settings come from admins' chat commands: refuse what the bot could not apply, naming the key. */
function checkGroupSettings(s: GroupSettings): void {
  const bad = (key: string, why: string): never => {
    throw new InputError(`group settings: ${key}: ${why}`);
  };
  if (s.mode !== 'silent' && s.mode !== 'nudge') bad('mode', 'expected silent or nudge');
  if (!isStrings(s.disabledRules)) bad('disabledRules', 'expected a list of rule ids');
  if (s.coverage !== undefined && s.coverage !== 'full' && s.coverage !== 'mentions-only') bad('coverage', 'expected full or mentions-only');
  if (s.language !== undefined && s.language !== 'zh' && s.language !== 'en') bad('language', 'expected zh or en');
  if (s.supervisors !== undefined && !isStrings(s.supervisors)) bad('supervisors', 'expected a list of user ids');
}

/**
 * Changes a group's settings as they stand when its row is locked: instances sharing a database each
 * read what the other committed, so neither's change is lost. The row is made first if need be, so
 * there is one to lock. `change` gets settings of its own to edit and returns those to write, or
 * undefined to write nothing; the settings written come back. Run inside a transaction.
 */
export async function updateGroupSettings(
  db: Sql,
  platform: string,
  id: string,
  change: (s: GroupSettings) => GroupSettings | undefined,
): Promise<GroupSettings | undefined> {
  await db.run('INSERT INTO chat_groups (platform, id) VALUES (?, ?) ON CONFLICT (platform, id) DO NOTHING', [platform, id]);
  const settings = change(await readGroupSettings(db, platform, id, db.dialect.forUpdate));
  if (!settings) return undefined;
  checkGroupSettings(settings);
  await db.run('UPDATE chat_groups SET settings = ? WHERE platform = ? AND id = ?', [JSON.stringify(settings), platform, id]);
  return settings;
}

/**
 * Folds group `fromId` into `toId` (the WeChat adapter's ids change at re-login): messages and leads
 * move; the target keeps its own name, count, members and settings and takes the old one's where it
 * has none; seen times widen. Run inside a transaction.
 */
export async function mergeGroup(db: Sql, platform: string, fromId: string, toId: string): Promise<void> {
  if (fromId === toId) return;
  await db.run(
    `INSERT INTO chat_groups (platform, id, name, member_count, first_seen, last_seen, settings)
     SELECT platform, ?, name, member_count, first_seen, last_seen, settings FROM chat_groups WHERE platform = ? AND id = ?
     ON CONFLICT (platform, id) DO UPDATE SET
       name = coalesce(chat_groups.name, excluded.name),
       member_count = coalesce(chat_groups.member_count, excluded.member_count),
       ${widenSeen(db)},
       settings = coalesce(chat_groups.settings, excluded.settings)`,
    [toId, platform, fromId],
  );
  // The member list moves whole, its opted-out members' hashes with it (opted-out-members.ts), to a target listing no one.
  const lists = [
    ['group_members', 'user_id'],
    ['opted_out_members', 'id_hash'],
  ] as const;
  const listed = await db.get(lists.map(([table]) => `SELECT 1 AS hit FROM ${table} WHERE platform = ? AND group_id = ?`).join(' UNION ALL '), [
    platform,
    toId,
    platform,
    toId,
  ]);
  // With them, the count of those forgotten from it.
  if (!listed) {
    await db.run(
      'UPDATE chat_groups SET forgotten_members = forgotten_members + coalesce((SELECT forgotten_members FROM chat_groups WHERE platform = ? AND id = ?), 0) WHERE platform = ? AND id = ?',
      [platform, fromId, platform, toId],
    );
  }
  for (const [table, member] of listed ? [] : lists) {
    await db.run(`INSERT INTO ${table} (platform, group_id, ${member}) SELECT platform, ?, ${member} FROM ${table} WHERE platform = ? AND group_id = ?`, [
      toId,
      platform,
      fromId,
    ]);
  }
  await db.run('UPDATE messages SET group_id = ? WHERE platform = ? AND group_id = ?', [toId, platform, fromId]);
  await db.run('UPDATE leads SET group_id = ? WHERE platform = ? AND group_id = ?', [toId, platform, fromId]);
  await db.run('DELETE FROM chat_groups WHERE platform = ? AND id = ?', [platform, fromId]);
}

/**
 * Everyone the groups of `scope` have known in any week, with the names known for them and the group
 * that knows them: its listed members and whoever wrote in it. One row per group a person is in, by
 * platform and id.
 */
export async function readGroupPeople(db: Sql, scope: Pick<Scope, 'platform' | 'groupIds'>): Promise<GroupPerson[]> {
  const listed = listedWhere(db, scope);
  const wrote = groupsWhere(scope, 'm', db.dialect);
  // Group first: a union led by platform lets SQLite walk the messages' primary key in its order and
  // fetch each row apart, several times slower on millions than the one scan this is.
  const rows = await db.all<{ platform: string; group_id: string; id: string; name: string | null }>(
    `SELECT p.platform, p.group_id, p.id, u.name FROM (
      SELECT gm.group_id, gm.user_id AS id, gm.platform FROM group_members gm WHERE ${['1 = 1', ...listed.terms].join(' AND ')}
      UNION SELECT m.group_id, m.sender_id, m.platform FROM messages m WHERE ${['1 = 1', ...wrote.terms].join(' AND ')}) p
     LEFT JOIN chat_users u ON u.platform = p.platform AND u.id = p.id
     ORDER BY p.platform, p.id, p.group_id`,
    [...listed.params, ...wrote.params],
  );
  return rows.map((r) => ({ platform: r.platform, groupId: r.group_id, id: r.id, names: r.name === null ? [] : [r.name] }));
}

/**
 * The WHERE terms of a scope's groups on `group_members gm`. Ids with no platform are looked up in
 * chat_groups first (every listed group is there, by the foreign key): group_members is keyed by
 * platform first, so they would otherwise scan every group's members (0.1 s a million) for one group.
 */
function listedWhere(db: Sql, scope: Pick<Scope, 'platform' | 'groupIds'>): { terms: string[]; params: Param[] } {
  if (scope.groupIds === undefined || scope.platform !== undefined) return groupsWhere(scope, 'gm', db.dialect);
  const groups = groupsWhere(scope, 'g', db.dialect);
  const known = `SELECT g.platform, g.group_id FROM (SELECT platform, id AS group_id FROM chat_groups) g WHERE ${groups.terms.join(' AND ')}`;
  return { terms: [`(gm.platform, gm.group_id) IN (${known})`], params: groups.params };
}

/** The people of a scope's groups with the names known for them: their listed members and who wrote in them. */
export async function readPeople(db: Sql, scope: Scope): Promise<Person[]> {
  const where = scopeWhere(scope);
  const listed = groupsWhere(scope, 'gm');
  const rows = await db.all<{ id: string; name: string | null }>(
    `SELECT p.id, u.name FROM (
      SELECT gm.platform, gm.user_id AS id FROM group_members gm WHERE ${['1 = 1', ...listed.terms].join(' AND ')}
      UNION SELECT m.platform, m.sender_id FROM messages m WHERE ${where.sql}) p
     LEFT JOIN chat_users u ON u.platform = p.platform AND u.id = p.id`,
    [...listed.params, ...where.params],
  );
  return rows.map((r) => ({ id: r.id, names: r.name === null ? [] : [r.name] }));
}
