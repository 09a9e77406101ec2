import type { Config } from '../core/config.js';
import type { MessageKind } from '../core/chat-message.js';
import { groupKey, type GroupKey } from '../core/group-key.js';
import { isAnonymousId } from '../core/anonymous-id.js';
import type { Engine } from '../engine/engine.js';
import type { Store } from '../store/store.js';
import { editedRecord } from '../analysis/record/edited-record.js';
import type { RecentTexts } from '../commands/recent-texts.js';
import { RecentKeys } from '../core/recent-keys.js';

/** Removed messages this process remembers (see removed): far more than are removed while their batch waits. */
const REMOVALS_REMEMBERED = 1_000;

export interface ChangeOptions {
  store: Store;
  engine: Engine;
  config: Config;
  /** The texts the bot holds for `missed`, which a change drops or replaces. */
  recent: RecentTexts;
  /** The rules a group disabled, as the bot reads its settings. */
  disabledIn: (platform: string, groupId: string) => Promise<ReadonlySet<string>>;
}

/**
 * What the bot does when a platform says a message was removed (撤回, deleted) or edited after it
 * came: the store follows, and so does what this process holds of it.
 */
export class MessageChanges {
  /** Messages the platform removed lately, by platform and id: one removed while its record waited to be stored is not held or nudged. */
  private readonly removedLately = new RecentKeys<GroupKey>(REMOVALS_REMEMBERED);

  constructor(private readonly opts: ChangeOptions) {}

  /** Whether the platform removed this message since this process started (of the last REMOVALS_REMEMBERED). */
  wasRemoved(platform: string, id: string): boolean {
    return this.removedLately.has(groupKey(platform, id));
  }

  /**
   * A message the platform removed: out of the store (see Store.removeMessage) and out of what this
   * process holds for `missed`. Noted first, so that the message, if its record still waits to be
   * stored, is then neither held nor nudged about.
   */
  async removed(platform: string, id: string): Promise<void> {
    this.removedLately.add(groupKey(platform, id));
    this.opts.recent.drop(platform, id);
    await this.opts.store.removeMessage(platform, id);
  }

  /**
   * A message its sender edited: classified anew and stored so in place (see Store.editMessage), its
   * held text replaced. One not stored (a command, one purged or removed) is left alone: an edit runs
   * no command and stores no message; so is an edit older than one applied already (`editedAt`). A
   * sender who opted out or was forgotten keeps no text held, nor does a picture or a file without
   * words. Whether the message is stored.
   */
  async edited(platform: string, id: string, text: string, editedAt?: number, kind: MessageKind = 'text'): Promise<boolean> {
    const { store, engine, config, recent } = this.opts;
    await store.flush(); // a message whose record still waits in the batch is edited too
    const stored = await store.message(platform, id);
    if (!stored) return false;
    const disabled = await this.opts.disabledIn(platform, stored.groupId);
    const record = editedRecord(engine, stored, text, kind, { disabled }, config.timezone);
    if (!(await store.editMessage(record, editedAt))) return true;
    recent.drop(platform, id);
    if (kind === 'text' && !record.categories.length && !record.isAck && !isAnonymousId(stored.senderId))
      recent.remember(platform, stored.groupId, { id, senderId: stored.senderId, text, ts: stored.ts });
    return true;
  }
}
