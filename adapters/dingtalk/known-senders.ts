import { createMemoryIdentityStore, type IdentityStore } from '../common/identity-store.js';

const key = (dingtalkId: string) => `sender:${dingtalkId}`;

/**
 * DingTalk's sender id of each person heard from, paired with the id the adapter gives them (their
 * organisation userId, where they have one): a quote names its sender by DingTalk's id alone. The
 * pairs persist in the bot's identities, so a restart keeps them and `forget me` deletes a person's;
 * the last `max` are also held in memory, and only a pair new to the process is written.
 */
export class KnownSenders {
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly store: IdentityStore = createMemoryIdentityStore(),
    private readonly max = 20_000,
  ) {}

  /** Held in memory only once written: a pair whose write failed is written again with the redelivery. */
  async remember(dingtalkId: string, id: string): Promise<void> {
    if (this.ids.get(dingtalkId) !== id) await this.store.put(key(dingtalkId), id);
    this.ids.delete(dingtalkId);
    this.ids.set(dingtalkId, id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.keys().next().value!);
  }

  async idOf(dingtalkId: string | undefined): Promise<string | undefined> {
    if (dingtalkId === undefined) return undefined;
    return this.ids.get(dingtalkId) ?? this.store.get(key(dingtalkId));
  }
}
