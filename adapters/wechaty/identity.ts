import { createHash, randomBytes } from 'node:crypto';
import type { IdentityStore } from '../common/identity-store.js';

export type IdentityKind = 'room' | 'contact';

const ATTRIBUTE_KEY: Record<IdentityKind, string> = { room: 'room-topic', contact: 'contact-name' };
const PREFIX: Record<IdentityKind, string> = { room: 'wxg-', contact: 'wxu-' };

/**
 * Hashes are salted with a secret kept in the identity store: without it, a list of colleagues'
 * names would map every stored id and key back to a person.
 */
const SALT_KEY = 'secret:salt';

function sha256(salt: string, text: string): string {
  return createHash('sha256').update(salt).update('\n').update(text).digest('hex');
}

/**
 * Keys hold a salted hash of the topic or name, never the name itself, so the identity table keeps
 * no names. The n-th entity seen at once with one attribute (two rooms both named 工作群) gets its own key.
 */
function attributeKey(salt: string, kind: IdentityKind, attribute: string, n: number): string {
  return `${ATTRIBUTE_KEY[kind]}:${sha256(salt, attribute).slice(0, 32)}${n > 1 ? `#${n}` : ''}`;
}

function newStableId(salt: string, kind: IdentityKind, attribute: string, n: number): string {
  return PREFIX[kind] + sha256(salt, `${kind}\n${attribute}\n${n}`).slice(0, 12);
}

/**
 * Turns puppet ids into stable ids. wechat4u hands out new ids at each login, so an entity is
 * found first by its puppet id, then by a stable attribute (room topic; contact alias or name),
 * and both keys are kept: a re-login then lands on the same stable id, and a rename seen while
 * logged in carries the id over to the new topic.
 */
export class IdentityResolver {
  /** `kind:puppetId` → what it resolved to in this login session. */
  private readonly bound = new Map<string, Promise<{ stableId: string; attribute: string }>>();
  /** stable id → the live puppet id, to send to and to tell same-named entities apart. */
  private readonly live = new Map<string, { puppetId: string; attribute: string }>();

  private saltOnce?: Promise<string>;

  constructor(private readonly store: IdentityStore) {}

  /** The store's secret salt, made on first use. */
  private salt(): Promise<string> {
    this.saltOnce ??= (async () => {
      const known = await this.store.get(SALT_KEY);
      if (known) return known;
      const made = randomBytes(16).toString('hex');
      await this.store.put(SALT_KEY, made);
      return made;
    })();
    return this.saltOnce;
  }

  /** The stable id of the entity with this puppet id and attribute (topic, or alias/name). */
  async resolve(kind: IdentityKind, puppetId: string, attribute: string): Promise<string> {
    const attr = attribute.trim() || puppetId;
    const sessionKey = `${kind}:${puppetId}`;
    let entry = this.bound.get(sessionKey);
    if (!entry) {
      // Memoised as a promise so concurrent messages of a new room resolve it once.
      entry = this.lookUp(kind, puppetId, attr);
      this.bound.set(sessionKey, entry);
      entry.catch(() => this.bound.delete(sessionKey));
    }
    const found = await entry;
    if (found.attribute !== attr) {
      found.attribute = attr;
      this.live.set(found.stableId, { puppetId, attribute: attr });
      await this.store.put(attributeKey(await this.salt(), kind, attr, 1), found.stableId);
    }
    return found.stableId;
  }

  /** The puppet id a stable id has in this login session, if it has been seen. */
  puppetIdOf(stableId: string): string | undefined {
    return this.live.get(stableId)?.puppetId;
  }

  /** The attribute (topic, alias or name) last seen for a stable id in this session. */
  attributeOf(stableId: string): string | undefined {
    return this.live.get(stableId)?.attribute;
  }

  /** After a logout every puppet id is void. */
  forgetSession(): void {
    this.bound.clear();
    this.live.clear();
  }

  private async lookUp(kind: IdentityKind, puppetId: string, attribute: string) {
    const idKey = `${kind}-id:${puppetId}`;
    const known = await this.store.get(idKey);
    if (known) {
      this.live.set(known, { puppetId, attribute });
      return { stableId: known, attribute };
    }
    const salt = await this.salt();
    for (let n = 1; ; n++) {
      const key = attributeKey(salt, kind, attribute, n);
      const candidate = (await this.store.get(key)) ?? newStableId(salt, kind, attribute, n);
      const holder = this.live.get(candidate);
      if (holder && holder.puppetId !== puppetId) continue;
      // Claimed before the next await, so a same-named entity resolving meanwhile moves on to #2.
      this.live.set(candidate, { puppetId, attribute });
      await this.store.put(key, candidate);
      await this.store.put(idKey, candidate);
      return { stableId: candidate, attribute };
    }
  }
}
