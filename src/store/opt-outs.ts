import { createHmac } from 'node:crypto';
import { anonymousId } from '../core/anonymous-id.js';
import { groupKey, type GroupKey } from '../core/group-key.js';

/** Sender ids known not to be opted out, kept at most: a miss only costs one hash. */
const MAX_CHECKED = 100_000;

/**
 * How an opt-out is stored: HMAC-SHA256 of platform and user id under the database's own salt. The
 * input's form is on disk in every opt-out: it is spelled out here so that no change elsewhere moves it.
 */
export function userHash(salt: Buffer, platform: string, user: string): string {
  return createHmac('sha256', salt).update(`${platform}\u0000${user}`).digest('hex');
}

/**
 * Who opted out, as the writer needs it for every record. On disk an opt-out is only a salted hash
 * of the platform and user id (so it holds after `forget me` without saying whose it is); the
 * anonymous id an opted-out sender's messages are stored under lives in this process only, so that
 * nothing in the file leads from a person to their anonymous messages. After a restart the same
 * person gets a new anonymous id.
 */
export class OptOuts {
  private readonly anons = new Map<GroupKey, { id: string; hash: string }>();
  private checked = new Set<GroupKey>();
  /** Who said `forget me` (by hash), and when last: a record of theirs sent before it is not stored. */
  private forgotten = new Map<string, number>();
  /** Senders' hashes while anyone is forgotten, so a batch hashes each sender once. */
  private hashed = new Map<GroupKey, string>();

  constructor(
    private salt: Buffer,
    /** The stored hashes. */
    private readonly hashes: Set<string>,
  ) {}

  hash(platform: string, user: string): string {
    return userHash(this.salt, platform, user);
  }

  /** The anonymous id to store instead of this sender's, or undefined when they have not opted out. */
  anonOf(platform: string, user: string): string | undefined {
    if (this.hashes.size === 0) return undefined;
    const key = groupKey(platform, user);
    const anon = this.anons.get(key);
    if (anon !== undefined || this.checked.has(key)) return anon?.id;
    const hash = this.hash(platform, user);
    if (!this.hashes.has(hash)) {
      if (this.checked.size >= MAX_CHECKED) this.checked = new Set();
      this.checked.add(key);
      return undefined;
    }
    const fresh = anonymousId();
    this.anons.set(key, { id: fresh, hash });
    return fresh;
  }

  /**
   * Takes the stored hashes as they now are (another process may have changed them): a user no
   * longer among them loses their anonymous id, one newly among them is looked up afresh.
   */
  replaceHashes(hashes: Set<string>): void {
    this.hashes.clear();
    for (const h of hashes) this.hashes.add(h);
    this.checked = new Set();
    for (const [key, anon] of this.anons) if (!hashes.has(anon.hash)) this.anons.delete(key);
  }

  /**
   * Takes the database's salt as it now is: a `migrate` gives an empty database the salt of the one
   * it copies, opt-outs included, while an instance may run on it. Every hash this process holds was
   * made under the old one and goes.
   */
  replaceSalt(salt: Buffer): void {
    if (salt.equals(this.salt)) return;
    this.salt = salt;
    this.anons.clear();
    this.checked = new Set();
    this.hashed = new Map();
  }

  /** After `forget me`: an opted-out user's later messages no longer share an id with their earlier ones. */
  forget(platform: string, user: string): void {
    this.anons.delete(groupKey(platform, user));
  }

  /**
   * Takes who was forgotten as the database now says (any process may have run `forget me`): an
   * opted-out user forgotten since the last read gets a new anonymous id here too.
   */
  replaceForgotten(forgotten: Map<string, number>): void {
    const before = this.forgotten;
    this.forgotten = forgotten;
    // Only those forgotten since the last read: an old erasure must not give them a new id at every privacy change.
    for (const [key, anon] of this.anons) if ((forgotten.get(anon.hash) ?? -Infinity) > (before.get(anon.hash) ?? -Infinity)) this.anons.delete(key);
  }

  /**
   * When this sender last said `forget me`, or undefined. A message sent before that and stored only
   * after it (waiting in another process's batch, or delivered again) is not stored: it would bring
   * back what the erasure took.
   */
  forgottenAt(platform: string, user: string): number | undefined {
    if (this.forgotten.size === 0) return undefined;
    const key = groupKey(platform, user);
    let hash = this.hashed.get(key);
    if (hash === undefined) {
      if (this.hashed.size >= MAX_CHECKED) this.hashed = new Map();
      this.hashed.set(key, (hash = this.hash(platform, user)));
    }
    return this.forgotten.get(hash);
  }
}
