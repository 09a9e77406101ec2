/**
 * Values that expire after `ttlMs`, loaded at most once at a time per key: a burst of events
 * from one channel makes one Web API call, not one per event. Failed loads are not kept.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; expires: number }>();
  /** The last value loaded per key, kept past its expiry: `peek` gives it while a reload is under way. */
  private readonly loaded = new Map<string, V>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = load();
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    value.then(
      (v) => {
        if (this.entries.get(key)?.value === value) this.loaded.set(key, v);
      },
      () => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key);
      },
    );
    return value;
  }

  /** The value last loaded for `key`, even if expired, without waiting; undefined before the first load succeeded. */
  peek(key: string): V | undefined {
    return this.loaded.get(key);
  }
}
