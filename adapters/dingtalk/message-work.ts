/**
 * The ids of the last messages passed on, bounded, so that a redelivery inside one run is dropped
 * before any work; the bot's store drops those that come after a restart.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 10_000) {}

  /** Remembers `id`; false when it was already remembered. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order, so the first id is the oldest.
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}
