/**
 * Where stable identities persist: key → stable id. The bot backs it with SQLite so a re-login
 * or a restart keeps one group as one group; keys are `room-id:<puppet id>`, `contact-id:<puppet id>`,
 * `room-topic:<hash of the topic>` and `contact-name:<hash of the alias or name>`.
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
