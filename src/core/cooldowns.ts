/** Keys each let through once per `ms`, in memory only: keys let through longer ago are dropped as others pass. */
export class Cooldowns<K> {
  // A Map iterates in the order keys were set: its first was let through longest ago.
  private readonly last = new Map<K, number>();

  constructor(private readonly ms: number) {}

  /** Whether `key` may pass at `now`, starting its cooldown if so. */
  take(key: K, now: number): boolean {
    const last = this.last.get(key);
    if (last !== undefined && now - last < this.ms) return false;
    this.last.delete(key);
    this.last.set(key, now);
    for (const [old, at] of this.last) {
      if (now - at < this.ms) break;
      this.last.delete(old);
    }
    return true;
  }

  /** Starts `key`'s cooldown at `at`, a pass told of elsewhere (another instance's, read from the store). */
  note(key: K, at: number): void {
    this.last.delete(key);
    this.last.set(key, at);
  }
}
