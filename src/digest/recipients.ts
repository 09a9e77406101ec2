import type { Config } from '../core/config.js';
import type { Store } from '../store/store.js';
import type { Lang } from '../core/lang.js';
import { groupKey } from '../core/group-key.js';

/**
 * Who gets a digest and of which groups: `platform` narrows the groups to one platform when set,
 * `groupIds` to some ids; neither means every group the bot knows.
 */
export interface Recipient {
  platform: string;
  user: string;
  scope: { platform?: string; groupIds?: string[] };
  lang?: Lang;
}

/** The smallest scope holding the groups of both: a platform only if they share it, every group if either has no ids. */
export function widerScope(a: Recipient['scope'], b: Recipient['scope']): Recipient['scope'] {
  if (!a.groupIds || !b.groupIds) return {};
  return { platform: a.platform === b.platform ? a.platform : undefined, groupIds: [...new Set([...a.groupIds, ...b.groupIds])] };
}

/**
 * The configured supervisors plus those group admins subscribed from the chat (`config supervisor`),
 * one recipient per (platform, user) with the union of their groups, in a stable order.
 */
export async function digestRecipients(config: Config, store: Pick<Store, 'groupSupervisors'>): Promise<Recipient[]> {
  const byUser = new Map<string, Recipient>();
  const widen = (r: Recipient): void => {
    const known = byUser.get(groupKey(r.platform, r.user));
    if (!known) return void byUser.set(groupKey(r.platform, r.user), r);
    known.lang ??= r.lang;
    known.scope = widerScope(known.scope, r.scope);
  };
  for (const s of config.digest.supervisors) {
    widen({ platform: s.platform, user: s.user, scope: s.groups ? { groupIds: [...s.groups] } : {}, lang: s.lang });
  }
  for (const g of await store.groupSupervisors()) {
    for (const user of g.supervisors) widen({ platform: g.platform, user, scope: { platform: g.platform, groupIds: [g.id] } });
  }
  return [...byUser.values()].sort((a, b) => (groupKey(a.platform, a.user) < groupKey(b.platform, b.user) ? -1 : 1));
}
