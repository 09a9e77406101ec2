/**
 * The messages an audit has read, by platform and id, as the bot's store keeps one message per id:
 * the same export given twice, or two exports that overlap, count each message once. A set of
 * strings would hold about 90 bytes a message; this holds a 64-bit hash of each in an open-addressed
 * table, 16 to 32 bytes a message (that two of a million messages share a hash is about one chance
 * in ten million).
 */
export class SeenMessages {
  private table = new Uint32Array(1 << 16);
  private count = 0;

  /** Whether this message is new, remembering it. */
  add(platform: string, id: string): boolean {
    const [hi, lo] = hash64(`${platform}\u0000${id}`);
    if ((this.count + 1) * 2 > this.table.length / 2) this.grow();
    return this.insert(hi, lo);
  }

  private insert(hi: number, lo: number): boolean {
    const t = this.table;
    const mask = t.length / 2 - 1;
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      const h = t[2 * slot];
      const l = t[2 * slot + 1];
      if (h === 0 && l === 0) {
        t[2 * slot] = hi;
        t[2 * slot + 1] = lo;
        this.count++;
        return true;
      }
      if (h === hi && l === lo) return false;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i], old[i + 1]);
  }
}

/** Two independent 32-bit FNV-1a hashes of the string's code units, never both zero (zero marks an empty slot). */
function hash64(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a >>> 0, (b | 1) >>> 0];
}
