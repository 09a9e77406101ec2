/**
 * Where an adapter's identities persist: key → stable id, in the bot's store, so that what the
 * adapter learnt of who is who outlives a restart (WeChat: puppet ids and names to the ids of rooms
 * and people; DingTalk: its sender ids to staff ids). `forget me` deletes the keys leading to a person.
 */
export interface IdentityStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, stableId: string): Promise<void>;
}

/** An IdentityStore that lives as long as the process: for tests and for runs without a database. */
export function createMemoryIdentityStore(): IdentityStore {
  const map = new Map<string, string>();
  return {
    get: async (key) => map.get(key),
    put: async (key, stableId) => {
      map.set(key, stableId);
    },
  };
}
