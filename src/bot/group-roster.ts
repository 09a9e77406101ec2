import type { ChatMessage } from '../core/chat-message.js';
import { groupKey, type GroupKey } from '../core/group-key.js';
import type { Store } from '../store/store.js';
import { SHORTEST_RETENTION_MS } from '../store/retention.js';
import { sameSignature, signatureOf, type GroupSignature } from './group-signature.js';

/**
 * A group as this process last wrote it, and when: the message's own time (never later than the bot's
 * clock), as retention purges by that, so a message delivered late is trusted no longer than it is kept.
 */
type Written = GroupSignature & { at: number };

/**
 * What the bot has stored of each group (name, size, members, coverage), so that it writes a group
 * when what the adapter tells of it changes, not on every message.
 */
export class GroupRoster {
  private readonly seen = new Map<GroupKey, Written>();
  /** Per group whose platform tells no members, who was stored as one for speaking there (see remember). */
  private readonly speakersStored = new Map<GroupKey, Set<string>>();
  /**
   * A group's write in progress: the group's later messages wait for the same one, so none overtakes
   * an earlier one (which of two demands is nudged must not depend on timing).
   */
  private readonly writes = new Map<GroupKey, Promise<void>>();

  /** `settingsChanged`: the group's stored settings changed (its coverage), so a copy of them is stale. */
  constructor(
    private readonly store: Store,
    private readonly settingsChanged: (key: GroupKey) => void,
    private readonly now: () => number,
  ) {}

  /**
   * Stores what the adapter knows of the group when it changes, not on every message; the write in
   * progress, if any, which the caller waits for (undefined on the hot path: no await). Where the
   * platform tells neither members nor size (DingTalk), whoever speaks in the group is one: stored once
   * per process, so that their own `stats` counts the group and its size is at least that many.
   * Each is written again once a day it speaks: another instance's retention purge may have taken its
   * name and members meanwhile (see SHORTEST_RETENTION_MS).
   */
  remember(msg: ChatMessage): Promise<void> | undefined {
    const g = msg.group!;
    const key = groupKey(msg.platform, g.id);
    const now = this.now();
    let seen = this.seen.get(key);
    if (seen && now - seen.at >= SHORTEST_RETENTION_MS) {
      seen = undefined;
      this.speakersStored.delete(key);
    }
    let speakers = this.speakersStored.get(key);
    const speaker = g.members === undefined && g.memberCount === undefined && !speakers?.has(msg.sender.id) ? msg.sender.id : undefined;
    // Compared field by field: a signature string built per message was garbage on the hot path.
    if (seen && sameSignature(seen, g) && speaker === undefined) return this.writes.get(key);
    this.seen.set(key, { ...signatureOf(g), at: Math.min(msg.ts, now) });
    if (speaker !== undefined) {
      if (!speakers) this.speakersStored.set(key, (speakers = new Set()));
      speakers.add(speaker);
    }
    const write = this.write(msg, key, speaker).finally(() => {
      if (this.writes.get(key) === write) this.writes.delete(key);
    });
    this.writes.set(key, write);
    return write;
  }

  /** After a retention purge, which may drop the name and members of a group written long ago: each is written again when it next speaks. */
  forget(): void {
    this.seen.clear();
    this.speakersStored.clear();
  }

  private async write(msg: ChatMessage, key: GroupKey, speakerId: string | undefined): Promise<void> {
    const g = msg.group!;
    // After an earlier write of the group: in the order the messages came.
    await this.writes.get(key)?.catch(() => {});
    await this.store
      .upsertGroup({ platform: msg.platform, id: g.id, name: g.name, memberCount: g.memberCount, memberIds: g.members, speakerId, seenAt: msg.ts })
      .catch((err: unknown) => {
        // Not stored: the platform's redelivery of the message must try again.
        this.seen.delete(key);
        if (speakerId !== undefined) this.speakersStored.get(key)?.delete(speakerId);
        throw err;
      });
    if (g.coverage) {
      const coverage = g.coverage;
      // Changed as stored, not this process's copy, which may not hold another instance's change yet.
      const changed = await this.store.updateGroupSettings(msg.platform, g.id, (s) => (s.coverage === coverage ? undefined : { ...s, coverage }));
      if (changed) this.settingsChanged(key);
    }
  }
}
