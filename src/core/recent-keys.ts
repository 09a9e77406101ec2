/** The last `max` keys added, in memory only: the oldest is forgotten first. */
export class RecentKeys<K> {
  // A Set iterates in the order keys were added: its first is the oldest.
  private readonly keys = new Set<K>();

  constructor(private readonly max: number) {}

  /** Remembers `key`; whether it was new. */
  add(key: K): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.values().next().value as K);
    return true;
  }

  has(key: K): boolean {
    return this.keys.has(key);
  }

  delete(key: K): void {
    this.keys.delete(key);
  }
}
