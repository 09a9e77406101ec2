/**
 * What an audit makes of a message it reads: new; read before as it is (exports that overlap); or of
 * the platform, group and id of one read before from export `first`, but with another text or time.
 */
export type Sighting = 'new' | 'again' | { first: number };

/**
 * The messages an audit has read, by platform, group and id, as the bot's store keeps one message
 * per id: the same export given twice, or two exports that overlap, count each message once. The
 * group is part of the key, as ids some exports make up (a line's number, a row's localId) are unique
 * only within their chat. A key read with several texts or times holds an entry for each, so that
 * any of them read again is known (a file given twice, a line repeated). A set of strings would hold
 * about 90 bytes a message; this holds a 64-bit hash of each key in an open-addressed table, with a
 * 32-bit hash of its text and time and the export that read it, 32 to 64 bytes a message (that two
 * of a million messages share a hash is about one chance in ten million).
 */
export class SeenMessages {
  private table = new Uint32Array(1 << 17);
  private count = 0;
  // The key's hash (hashKey), kept in fields: a key string and a pair built per message were garbage.
  private hi = 0;
  private lo = 0;

  /** Whether this message is new, remembering it (as read from export `source`) unless it is read again. */
  add(platform: string, groupId: string, id: string, text: string, ts: number, source: number): Sighting {
    this.hashKey(platform, groupId, id);
    const content = contentHash(text, ts);
    if ((this.count + 1) * 4 > this.table.length / 2) this.grow();
    return this.insert(this.hi, this.lo, content, source);
  }

  /**
   * Two independent 32-bit FNV-1a hashes of the code units of platform, NUL, group id, NUL and id,
   * read from the three strings in place; never both zero (zero marks an empty slot).
   */
  private hashKey(platform: string, groupId: string, id: string): void {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let part = 0; part < 3; part++) {
      const s = part === 0 ? platform : part === 1 ? groupId : id;
      if (part > 0) {
        a = Math.imul(a, 0x01000193); // the NUL between: a ^ 0 is a
        b = Math.imul(b, 0x5bd1e995) ^ (b >>> 15);
      }
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
      }
    }
    this.hi = a >>> 0;
    this.lo = (b | 1) >>> 0;
  }

  private insert(hi: number, lo: number, content: number, source: number): Sighting {
    const t = this.table;
    const mask = t.length / 4 - 1;
    // The first export to read the key, when it was read with another text or time only.
    let first: number | undefined;
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      const at = 4 * slot;
      if (t[at] === 0 && t[at + 1] === 0) {
        t[at] = hi;
        t[at + 1] = lo;
        t[at + 2] = content;
        t[at + 3] = source;
        this.count++;
        return first === undefined ? 'new' : { first };
      }
      if (t[at] === hi && t[at + 1] === lo) {
        if (t[at + 2] === content) return 'again';
        first ??= t[at + 3];
      }
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let i = 0; i < old.length; i += 4) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i], old[i + 1], old[i + 2], old[i + 3]);
  }
}

/** A 32-bit FNV-1a hash of a message's time and text, read in place: a million texts are not copied to be joined. */
function contentHash(text: string, ts: number): number {
  let a = Math.imul(0x811c9dc5 ^ (ts >>> 0), 0x01000193);
  a = Math.imul(a ^ Math.floor(ts / 0x100000000), 0x01000193);
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
  return a >>> 0;
}
