import { groupKey, type GroupKey } from '../core/group-key.js';
import type { AuditGroup, Person } from './export.js';

/**
 * Groups and people gathered while reading an export. A member list the export states wins, as the
 * platform's list does for the bot; formats without one (WeChatMsg CSV, JSONL lines without `members`)
 * count everyone seen taking part. Groups are known by platform and id, as the report builder knows them.
 */
export class Census {
  private readonly groups = new Map<GroupKey, { platform: string; id: string; name: string; listed: Set<string> | null; seen: Set<string> }>();
  private readonly people = new Map<string, Set<string>>();

  group(platform: string, id: string, name?: string): void {
    this.entry(platform, id, name);
  }

  /** A member list as the export states it (Slack channels.json, ChatLab members, JSONL `members`). */
  listed(platform: string, groupId: string, memberIds: Iterable<string>): void {
    const g = this.entry(platform, groupId);
    g.listed ??= new Set();
    for (const id of memberIds) g.listed.add(id);
  }

  /** Someone seen taking part in a group: a person, known at least by id, whose id a text may name. */
  seen(platform: string, groupId: string, memberId: string): void {
    this.entry(platform, groupId).seen.add(memberId);
    this.person(memberId, undefined);
  }

  /** A name someone goes by; called once per name (no rest array: this runs for every message). */
  person(id: string, name: string | undefined | null): void {
    let set = this.people.get(id);
    if (!set) this.people.set(id, (set = new Set()));
    if (name && !set.has(name)) {
      const trimmed = name.trim();
      if (trimmed) set.add(trimmed);
    }
  }

  /**
   * Those seen taking part size a group but are no roster: the same few staff speak in every group of a
   * school, which no more makes the groups one than it does for the bot (storedReport), so only a
   * listed group has member ids to compare for sprawl.
   */
  groupList(): AuditGroup[] {
    return [...this.groups.values()].map(({ platform, id, name, listed, seen }) =>
      listed ? { platform, id, name, members: listed.size, memberIds: [...listed].sort() } : { platform, id, name, members: seen.size },
    );
  }

  personList(): Person[] {
    return [...this.people].map(([id, names]) => ({ id, names: [...names] }));
  }

  private entry(platform: string, id: string, name?: string) {
    const key = groupKey(platform, id);
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { platform, id, name: name || id, listed: null, seen: new Set() }));
    else if (name && g.name === id) g.name = name;
    return g;
  }
}
