/** Keys each let through once per `ms`, in memory only: it holds only the keys let through within the last `ms`. */
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
}
