/** A group message the bot left alone, held in memory for a while in case a member reports it missed. */
export interface RecentText {
  id: string;
  senderId: string;
  text: string;
  ts: number;
}

/** Bytes held per group: its latest messages, a long notice (2,700 Chinese characters) or about 40 short ones. */
const GROUP_BYTES = 8192;
const GROUPS = 2000;
/** How long a text stays reportable: held here, or read back from the platform (handlers/missed.ts). */
export const MAX_AGE_MS = 24 * 3_600_000;
/** Each record: its payload's length in two bytes, then `id \0 sender \0 ts \0 text` in UTF-8. */
const HEADER = 2;

interface Region {
  bytes: Uint8Array;
  end: number;
  /** When the group last wrote (a counter), to drop the least recently active group first. */
  used: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The last unflagged messages of the groups most recently active, in memory only: the store keeps no
 * text of a message it did not flag, so `missed` finds the text here, and nothing of it outlives the
 * process unless a member reports it. Each bot process holds what it read itself.
 *
 * Each group's messages are bytes in one fixed buffer, not objects: a busy bot stores a message
 * every few microseconds, and a text object kept for a while outlives the young heap, so holding
 * them as strings raised the bot bench's peak memory by 45 MB where these buffers take 8 KB a group.
 */
export class RecentTexts {
  private readonly groups = new Map<string, Region>();
  private writes = 0;

  remember(platform: string, groupId: string, m: RecentText): void {
    const payload = payloadOf(m);
    const size = Buffer.byteLength(payload, 'utf8');
    if (HEADER + size > GROUP_BYTES) return;
    const r = this.region(`${platform}\u0000${groupId}`);
    r.used = ++this.writes;
    append(r, payload, size);
  }

  /** The message `id` of the group, or with no id its latest; undefined when not held or too old. */
  find(platform: string, groupId: string, now: number, id?: string): RecentText | undefined {
    const r = this.groups.get(`${platform}\u0000${groupId}`);
    let found: RecentText | undefined;
    for (const m of r ? records(r) : []) if (id === undefined || m.id === id) found = m;
    return found && now - found.ts <= MAX_AGE_MS ? found : undefined;
  }

  /** Drops every held text of a user who asked to be forgotten. */
  forget(platform: string, userId: string): void {
    this.keepOnly(platform, (m) => m.senderId !== userId);
  }

  /** Drops the held text of a message the platform removed or that was edited, whichever group it is in. */
  drop(platform: string, id: string): void {
    this.keepOnly(platform, (m) => m.id !== id);
  }

  /** Keeps of the platform's held texts only those `keep` takes. */
  private keepOnly(platform: string, keep: (m: RecentText) => boolean): void {
    for (const [key, r] of this.groups) {
      if (!key.startsWith(`${platform}\u0000`)) continue;
      const all = records(r);
      const kept = all.filter(keep);
      if (kept.length === all.length) continue;
      r.bytes.fill(0);
      r.end = 0;
      // Written back in place: the group keeps its place in the order groups are dropped in.
      for (const m of kept) {
        const payload = payloadOf(m);
        append(r, payload, Buffer.byteLength(payload, 'utf8'));
      }
    }
  }

  private region(key: string): Region {
    let r = this.groups.get(key);
    if (r) return r;
    if (this.groups.size >= GROUPS) {
      let oldest: string | undefined;
      let least = Infinity;
      for (const [k, g] of this.groups) if (g.used < least) [oldest, least] = [k, g.used];
      this.groups.delete(oldest!);
    }
    this.groups.set(key, (r = { bytes: new Uint8Array(GROUP_BYTES), end: 0, used: 0 }));
    return r;
  }
}

const payloadOf = (m: RecentText): string => `${m.id}\u0000${m.senderId}\u0000${m.ts}\u0000${m.text}`;
const lengthAt = (bytes: Uint8Array, at: number): number => (bytes[at] << 8) | bytes[at + 1];

/** Appends one record of `size` bytes, dropping the oldest records until it fits. */
function append(r: Region, payload: string, size: number): void {
  let drop = 0;
  while (r.end - drop + HEADER + size > GROUP_BYTES) drop += HEADER + lengthAt(r.bytes, drop);
  if (drop > 0) {
    r.bytes.copyWithin(0, drop, r.end);
    r.end -= drop;
  }
  r.bytes[r.end] = size >> 8;
  r.bytes[r.end + 1] = size & 0xff;
  encoder.encodeInto(payload, r.bytes.subarray(r.end + HEADER, r.end + HEADER + size));
  r.end += HEADER + size;
}

/** A region's records, oldest first. */
function records(r: Region): RecentText[] {
  const out: RecentText[] = [];
  for (let at = 0; at < r.end; at += HEADER + lengthAt(r.bytes, at)) {
    const payload = decoder.decode(r.bytes.subarray(at + HEADER, at + HEADER + lengthAt(r.bytes, at)));
    const [id, senderId, ts] = payload.split('\u0000', 3);
    const text = payload.slice(id.length + senderId.length + ts.length + 3);
    out.push({ id, senderId, ts: Number(ts), text });
  }
  return out;
}
