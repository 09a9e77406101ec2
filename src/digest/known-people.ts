import type { Person } from '../core/person.js';
import { groupKey } from '../core/group-key.js';
import type { GroupPerson, Store } from '../store/store.js';
import { widerScope, type Recipient } from './recipients.js';

/**
 * Who the groups of a run's recipients have known in any week (their listed members, whoever wrote
 * in them), read from the store once for all of them and narrowed to each recipient's groups: reading
 * it scans every message stored, seconds on millions, which once per recipient made a run for 30
 * supervisors take minutes. Only their groups: every group's members of a large store would take
 * seconds and gigabytes for one supervisor of one group. One per run: the next run reads it anew.
 */
export class KnownPeople {
  private reading?: Promise<GroupPerson[]>;

  /** `recipients`: those whose people `of` will be asked for. */
  constructor(
    private readonly store: Pick<Store, 'groupPeople'>,
    private readonly recipients: readonly Pick<Recipient, 'scope'>[],
  ) {}

  /** The people of a scope's groups, each once, in the store's order (by platform and id). */
  async of(scope: Recipient['scope']): Promise<Person[]> {
    // A failed read is not kept: the next recipient reads again, as each did on its own.
    this.reading ??= this.store.groupPeople(this.recipients.map((r) => r.scope).reduce(widerScope)).catch((err: unknown) => {
      this.reading = undefined;
      throw err;
    });
    const wanted = scope.groupIds && new Set(scope.groupIds);
    const people = new Map<string, Person>();
    for (const p of await this.reading) {
      if ((scope.platform !== undefined && p.platform !== scope.platform) || (wanted && !wanted.has(p.groupId))) continue;
      const key = groupKey(p.platform, p.id);
      if (!people.has(key)) people.set(key, { id: p.id, names: p.names });
    }
    return [...people.values()];
  }
}
