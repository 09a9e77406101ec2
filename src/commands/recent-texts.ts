/** A group message the bot left alone, held in memory for a while in case a member reports it missed. */
export interface RecentText {
  id: string;
  senderId: string;
  text: string;
  ts: number;
}

/** Messages per group, groups and hours kept: a report names a message just read, not last month's. */
const PER_GROUP = 20;
const GROUPS = 2000;
const MAX_AGE_MS = 24 * 3_600_000;
/** Longer texts are not held: no chat demand is that long, and memory stays bounded. */
const MAX_TEXT = 4000;

/**
 * The last unflagged messages of the groups most recently active, in memory only: the store keeps no
 * text of a message it did not flag, so `missed` finds the text here, and nothing of it outlives the
 * process unless a member reports it. Each bot process holds what it read itself.
 */
export class RecentTexts {
  private readonly groups = new Map<string, RecentText[]>();

  remember(platform: string, groupId: string, m: RecentText): void {
    if (m.text.length > MAX_TEXT) return;
    const key = `${platform}\u0000${groupId}`;
    const list = this.groups.get(key) ?? [];
    // Re-inserted so the Map's order is least recently active first.
    this.groups.delete(key);
    this.groups.set(key, list);
    list.push(m);
    if (list.length > PER_GROUP) list.shift();
    if (this.groups.size > GROUPS) this.groups.delete(this.groups.keys().next().value!);
  }

  /** The message `id` of the group, or with no id its latest; undefined when not held or too old. */
  find(platform: string, groupId: string, now: number, id?: string): RecentText | undefined {
    const list = this.groups.get(`${platform}\u0000${groupId}`) ?? [];
    const m = id === undefined ? list.at(-1) : list.find((r) => r.id === id);
    return m && now - m.ts <= MAX_AGE_MS ? m : undefined;
  }

  /** Drops every held text of a user who asked to be forgotten. */
  forget(platform: string, userId: string): void {
    for (const [key, list] of this.groups) {
      if (!key.startsWith(`${platform}\u0000`)) continue;
      const kept = list.filter((m) => m.senderId !== userId);
      if (kept.length !== list.length) this.groups.set(key, kept);
    }
  }
}
